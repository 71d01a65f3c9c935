package cloudtrailtest

import (
	"strconv"
	"time"
)

// otherEvent makes a call to one of the common, non-media services.
func (g *trailGen) otherEvent(ev *trailEvent) {
	switch n := g.rng.IntN(100); {
	case n < 28:
		g.s3(ev)
	case n < 42:
		g.kms(ev)
	case n < 52:
		g.sts(ev)
	case n < 64:
		g.ec2(ev)
	case n < 69:
		if g.region != "" && g.region != trailGlobalRegion {
			// The file of one region other than us-east-1 holds no
			// events of the global services.
			g.sts(ev)
		} else {
			g.iam(ev)
		}
	case n < 77:
		g.lambda(ev)
	case n < 85:
		g.cloudwatch(ev)
	case n < 93:
		g.dynamodb(ev)
	default:
		g.misc(ev)
	}
}

func (g *trailGen) s3(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "s3.amazonaws.com"
	ev.management = false
	ev.category = "Data"
	ev.version = "1.10"
	bucket := g.pick(trailBuckets)
	key := g.pick(trailObjectNames)
	ev.host = bucket + ".s3." + ev.region + ".amazonaws.com"
	r := trailObj()
	r.ks("bucketName", bucket)
	r.ks("Host", ev.host)
	switch n := g.rng.IntN(10); {
	case n < 5:
		ev.name = "GetObject"
		ev.readOnly = true
		r.ks("key", key)
	case n < 7:
		ev.name = "PutObject"
		r.ks("key", key)
		if g.chance(0.5) {
			r.ks("x-amz-server-side-encryption", "aws:kms")
			r.strsKey("x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:", ev.region, ":", g.account, ":key/", "1234abcd-12ab-34cd-56ef-1234567890ab")
		}
		resp := trailObj()
		resp.ks("x-amz-server-side-encryption", "AES256")
		resp.key("x-amz-version-id")
		resp.beginStr()
		resp.b = g.appendID(resp.b, "", 32)
		resp.endStr()
		ev.resp = resp.done()
	case n < 8:
		ev.name = "HeadObject"
		ev.readOnly = true
		r.ks("key", key)
	case n < 9:
		ev.name = "ListObjects"
		ev.readOnly = true
		r.ks("list-type", "2")
		r.ks("prefix", "raw/2024/05/")
		r.ks("delimiter", "/")
		r.ks("encoding-type", "url")
		r.ks("max-keys", "1000")
	default:
		ev.name = "DeleteObject"
		r.ks("key", key)
	}
	ev.req = r.done()
	a := trailObj()
	a.ks("SignatureVersion", "SigV4")
	a.ks("CipherSuite", g.pick(trailTLSSuites))
	a.ki("bytesTransferredIn", int64(g.rng.IntN(2)*g.rng.IntN(5<<20)))
	a.ks("AuthenticationMethod", "AuthHeader")
	a.key("x-amz-id-2")
	a.beginStr()
	a.b = g.appendID(a.b, "", 76)
	a.b = append(a.b, '=')
	a.endStr()
	a.ki("bytesTransferredOut", int64(g.rng.IntN(50<<20)))
	ev.additional = a.done()
	res := &trailJW{}
	res.open('[')
	if ev.name != "ListObjects" {
		res.open('{')
		res.ks("type", "AWS::S3::Object")
		res.strsKey("ARN", "arn:aws:s3:::", bucket, "/", key)
		res.close('}')
	}
	res.open('{')
	res.ks("accountId", g.account)
	res.ks("type", "AWS::S3::Bucket")
	res.strsKey("ARN", "arn:aws:s3:::", bucket)
	res.close('}')
	res.close(']')
	ev.resources = res.b
	if g.chance(0.3) {
		ev.vpce = true
	}
	if g.chance(0.03) {
		ev.errCode = "AccessDenied"
		ev.errMsg = "Access Denied"
	}
}

func (g *trailGen) kms(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "kms.amazonaws.com"
	ev.version = "1.08"
	ev.readOnly = true
	ev.host = trailHost("kms", ev.region)
	ops := []string{"Decrypt", "GenerateDataKey", "Encrypt", "DescribeKey"}
	ev.name = ops[g.rng.IntN(len(ops))]
	r := trailObj()
	if ev.name != "DescribeKey" {
		r.kobj("encryptionContext")
		if g.chance(0.5) {
			r.strsKey("aws:s3:arn", "arn:aws:s3:::", g.pick(trailBuckets), "/", g.pick(trailObjectNames))
		} else {
			r.strsKey("aws:lambda:FunctionArn", "arn:aws:lambda:", ev.region, ":", g.account, ":function:ingest-handler")
		}
		r.close('}')
		r.ks("encryptionAlgorithm", "SYMMETRIC_DEFAULT")
		if ev.name == "GenerateDataKey" {
			r.ks("keySpec", "AES_256")
		}
	}
	r.strsKey("keyId", "arn:aws:kms:", ev.region, ":", g.account, ":key/1234abcd-12ab-34cd-56ef-1234567890ab")
	ev.req = r.done()
	res := &trailJW{}
	res.open('[')
	res.open('{')
	res.ks("accountId", g.account)
	res.ks("type", "AWS::KMS::Key")
	res.strsKey("ARN", "arn:aws:kms:", ev.region, ":", g.account, ":key/1234abcd-12ab-34cd-56ef-1234567890ab")
	res.close('}')
	res.close(']')
	ev.resources = res.b
	if ev.id.kind == "AWSService" {
		ev.shared = true
		ev.eventType = "AwsApiCall"
	}
}

func (g *trailGen) sts(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "sts.amazonaws.com"
	ev.version = "1.08"
	ev.host = "sts." + ev.region + ".amazonaws.com"
	if g.chance(0.3) {
		ev.name = "GetCallerIdentity"
		ev.readOnly = true
		return
	}
	ev.name = "AssumeRole"
	role := g.pick(trailRoleNames)
	session := g.pick(trailSessionFor)
	r := trailObj()
	r.strsKey("roleArn", "arn:aws:iam::", g.account, ":role/", role)
	r.ks("roleSessionName", session)
	r.ki("durationSeconds", 3600)
	if g.chance(0.3) {
		r.karr("tags")
		r.open('{')
		r.ks("key", "Project")
		r.ks("value", "media-platform")
		r.close('}')
		r.close(']')
	}
	ev.req = r.done()
	resp := trailObj()
	resp.kobj("credentials")
	resp.key("accessKeyId")
	resp.beginStr()
	resp.b = g.appendID(resp.b, "ASIA", 16)
	resp.endStr()
	resp.key("sessionToken")
	resp.beginStr()
	resp.b = append(resp.b, "IQoJb3JpZ2luX2VjE"...)
	resp.b = g.appendID(resp.b, "", 600)
	resp.endStr()
	resp.key("expiration")
	resp.beginStr()
	resp.b = g.now.Add(time.Hour).AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
	resp.endStr()
	resp.close('}')
	resp.kobj("assumedRoleUser")
	resp.strsKey("assumedRoleId", g.id("AROA", 17), ":", session)
	resp.strsKey("arn", "arn:aws:sts::", g.account, ":assumed-role/", role, "/", session)
	resp.close('}')
	ev.resp = resp.done()
	res := &trailJW{}
	res.open('[')
	res.open('{')
	res.strsKey("ARN", "arn:aws:iam::", g.account, ":role/", role)
	res.ks("accountId", g.account)
	res.ks("type", "AWS::IAM::Role")
	res.close('}')
	res.close(']')
	ev.resources = res.b
	if ev.id.kind == "AWSService" {
		ev.shared = true
	}
}

func (g *trailGen) ec2(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "ec2.amazonaws.com"
	ev.version = "1.09"
	ev.host = "ec2." + ev.region + ".amazonaws.com"
	switch n := g.rng.IntN(10); {
	case n < 4:
		ev.name = "DescribeInstances"
		ev.readOnly = true
		r := trailObj()
		r.kobj("instancesSet")
		r.close('}')
		r.kobj("filterSet")
		r.karr("items")
		r.open('{')
		r.ks("name", "tag:Name")
		r.kobj("valueSet")
		r.karr("items")
		r.open('{')
		r.ks("value", "web-*")
		r.close('}')
		r.close(']')
		r.close('}')
		r.close('}')
		r.close(']')
		r.close('}')
		ev.req = r.done()
	case n < 6:
		ev.name = "DescribeVolumes"
		ev.readOnly = true
		r := trailObj()
		r.kobj("volumeSet")
		r.close('}')
		r.kobj("filterSet")
		r.close('}')
		r.ki("maxResults", 500)
		ev.req = r.done()
	case n < 8:
		ev.name = "CreateTags"
		r := trailObj()
		r.kobj("resourcesSet")
		r.karr("items")
		r.open('{')
		r.key("resourceId")
		r.beginStr()
		r.b = append(r.b, "i-"...)
		r.b = g.appendHex(r.b, 17)
		r.endStr()
		r.close('}')
		r.close(']')
		r.close('}')
		r.kobj("tagSet")
		r.karr("items")
		for _, kv := range [][2]string{{"Name", "web-7"}, {"Environment", "production"}, {"CostCenter", "media-1234"}} {
			r.open('{')
			r.ks("key", kv[0])
			r.ks("value", kv[1])
			r.close('}')
		}
		r.close(']')
		r.close('}')
		ev.req = r.done()
		resp := trailObj()
		resp.key("requestId")
		resp.uuid(g)
		resp.kb("_return", true)
		ev.resp = resp.done()
	default:
		g.runInstances(ev)
	}
	if g.chance(0.04) {
		ev.errCode = "Client.UnauthorizedOperation"
		msg := make([]byte, 0, 1100)
		msg = append(msg, "You are not authorized to perform this operation. User: arn:aws:sts::"...)
		msg = append(msg, g.account...)
		msg = append(msg, ":assumed-role/ReadOnly/alice is not authorized to perform: ec2:"...)
		msg = append(msg, ev.name...)
		msg = append(msg, " because no identity-based policy allows the action. Encoded authorization failure message: "...)
		msg = g.appendID(msg, "", 900)
		ev.errMsg = string(msg)
	}
}

// runInstances makes the large records of EC2 RunInstances.
func (g *trailGen) runInstances(ev *trailEvent) {
	ev.name = "RunInstances"
	count := 1 + g.rng.IntN(6)
	ami := "ami-0" + string(g.appendHex(nil, 16))
	r := trailObj()
	r.kobj("instancesSet")
	r.karr("items")
	r.open('{')
	r.ks("imageId", ami)
	r.ki("minCount", int64(count))
	r.ki("maxCount", int64(count))
	r.close('}')
	r.close(']')
	r.close('}')
	r.ks("instanceType", "m6i.large")
	r.kobj("blockDeviceMapping")
	r.karr("items")
	r.open('{')
	r.ks("deviceName", "/dev/xvda")
	r.kobj("ebs")
	r.ki("volumeSize", 100)
	r.kb("deleteOnTermination", true)
	r.ks("volumeType", "gp3")
	r.kb("encrypted", true)
	r.close('}')
	r.close('}')
	r.close(']')
	r.close('}')
	r.kb("monitoring", false)
	r.kb("disableApiTermination", false)
	r.ks("userData", "<sensitiveDataRemoved>")
	r.kobj("iamInstanceProfile")
	r.strsKey("arn", "arn:aws:iam::", g.account, ":instance-profile/web")
	r.close('}')
	ev.req = r.done()

	resp := &trailJW{b: make([]byte, 0, 2048*count)}
	resp.open('{')
	resp.key("requestId")
	resp.uuid(g)
	resp.key("reservationId")
	resp.beginStr()
	resp.b = append(resp.b, "r-"...)
	resp.b = g.appendHex(resp.b, 17)
	resp.endStr()
	resp.ks("ownerId", g.account)
	resp.kobj("groupSet")
	resp.close('}')
	resp.kobj("instancesSet")
	resp.karr("items")
	for i := 0; i < count; i++ {
		resp.open('{')
		resp.key("instanceId")
		resp.beginStr()
		resp.b = append(resp.b, "i-"...)
		resp.b = g.appendHex(resp.b, 17)
		resp.endStr()
		resp.ks("imageId", ami)
		resp.kobj("instanceState")
		resp.ki("code", 0)
		resp.ks("name", "pending")
		resp.close('}')
		resp.ks("privateDnsName", "ip-10-20-"+strconv.Itoa(g.rng.IntN(256))+"-"+strconv.Itoa(g.rng.IntN(256))+".ec2.internal")
		resp.ki("amiLaunchIndex", int64(i))
		resp.kobj("productCodes")
		resp.close('}')
		resp.ks("instanceType", "m6i.large")
		resp.key("launchTime")
		resp.int(g.now.UnixMilli())
		resp.kobj("placement")
		resp.ks("availabilityZone", ev.region+"a")
		resp.ks("tenancy", "default")
		resp.close('}')
		resp.kobj("monitoring")
		resp.ks("state", "disabled")
		resp.close('}')
		resp.key("subnetId")
		resp.beginStr()
		resp.b = append(resp.b, "subnet-"...)
		resp.b = g.appendHex(resp.b, 17)
		resp.endStr()
		resp.key("vpcId")
		resp.beginStr()
		resp.b = append(resp.b, "vpc-"...)
		resp.b = g.appendHex(resp.b, 17)
		resp.endStr()
		resp.ks("privateIpAddress", "10.20.1."+strconv.Itoa(1+g.rng.IntN(254)))
		resp.kb("sourceDestCheck", true)
		resp.kobj("groupSet")
		resp.karr("items")
		resp.open('{')
		resp.ks("groupId", "sg-0123456789abcdef0")
		resp.ks("groupName", "web")
		resp.close('}')
		resp.close(']')
		resp.close('}')
		resp.kobj("stateReason")
		resp.ks("code", "pending")
		resp.ks("message", "pending")
		resp.close('}')
		resp.ks("architecture", "x86_64")
		resp.ks("rootDeviceType", "ebs")
		resp.ks("rootDeviceName", "/dev/xvda")
		resp.kobj("blockDeviceMapping")
		resp.close('}')
		resp.ks("virtualizationType", "hvm")
		resp.key("clientToken")
		resp.uuid(g)
		resp.kobj("networkInterfaceSet")
		resp.karr("items")
		resp.open('{')
		resp.key("networkInterfaceId")
		resp.beginStr()
		resp.b = append(resp.b, "eni-"...)
		resp.b = g.appendHex(resp.b, 17)
		resp.endStr()
		resp.ks("ownerId", g.account)
		resp.ks("status", "in-use")
		resp.ks("macAddress", "0a:1b:2c:3d:4e:5f")
		resp.ks("interfaceType", "interface")
		resp.close('}')
		resp.close(']')
		resp.close('}')
		resp.ks("ebsOptimized", "true")
		resp.kb("enaSupport", true)
		resp.kobj("cpuOptions")
		resp.ki("coreCount", 1)
		resp.ki("threadsPerCore", 2)
		resp.close('}')
		resp.kobj("capacityReservationSpecification")
		resp.ks("capacityReservationPreference", "open")
		resp.close('}')
		resp.kobj("enclaveOptions")
		resp.kb("enabled", false)
		resp.close('}')
		resp.kobj("metadataOptions")
		resp.ks("state", "pending")
		resp.ks("httpTokens", "required")
		resp.ki("httpPutResponseHopLimit", 2)
		resp.ks("httpEndpoint", "enabled")
		resp.close('}')
		resp.kobj("privateDnsNameOptions")
		resp.ks("hostnameType", "ip-name")
		resp.kb("enableResourceNameDnsARecord", false)
		resp.close('}')
		resp.close('}')
	}
	resp.close(']')
	resp.close('}')
	resp.kobj("requesterId")
	resp.close('}')
	resp.close('}')
	ev.resp = resp.b
}

func (g *trailGen) iam(ev *trailEvent) {
	g.fillCaller(ev, false)
	ev.source = "iam.amazonaws.com"
	ev.version = "1.08"
	ev.region = trailGlobalRegion
	ev.host = "iam.amazonaws.com"
	role := g.pick(trailRoleNames)
	switch g.rng.IntN(4) {
	case 0:
		ev.name = "GetRole"
		ev.readOnly = true
		r := trailObj()
		r.ks("roleName", role)
		ev.req = r.done()
	case 1:
		ev.name = "ListRoles"
		ev.readOnly = true
		r := trailObj()
		r.ki("maxItems", 1000)
		ev.req = r.done()
	case 2:
		ev.name = "CreatePolicy"
		r := trailObj()
		r.ks("policyName", "media-bucket-access-"+strconv.Itoa(g.rng.IntN(100)))
		r.ks("policyDocument", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],\n      \"Resource\": \"arn:aws:s3:::acme-media-ingest/*\"\n    },\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"mediaconvert:*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}")
		ev.req = r.done()
		resp := trailObj()
		resp.kobj("policy")
		resp.ks("policyName", "media-bucket-access")
		resp.ks("policyId", g.id("ANPA", 17))
		resp.strsKey("arn", "arn:aws:iam::", g.account, ":policy/media-bucket-access")
		resp.ks("path", "/")
		resp.ks("defaultVersionId", "v1")
		resp.ki("attachmentCount", 0)
		resp.ki("permissionsBoundaryUsageCount", 0)
		resp.kb("isAttachable", true)
		resp.key("createDate")
		resp.beginStr()
		resp.b = g.now.AppendFormat(resp.b, "Jan 2, 2006 3:04:05 PM")
		resp.endStr()
		resp.key("updateDate")
		resp.beginStr()
		resp.b = g.now.AppendFormat(resp.b, "Jan 2, 2006 3:04:05 PM")
		resp.endStr()
		resp.close('}')
		ev.resp = resp.done()
	default:
		ev.name = "AttachRolePolicy"
		r := trailObj()
		r.ks("roleName", role)
		r.strsKey("policyArn", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
		ev.req = r.done()
	}
}

func (g *trailGen) lambda(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "lambda.amazonaws.com"
	ev.version = "1.08"
	ev.host = trailHost("lambda", ev.region)
	fn := []string{"ingest-handler", "thumbnail-maker", "transcode-dispatcher", "audit-forwarder"}[g.rng.IntN(4)]
	switch g.rng.IntN(4) {
	case 0, 1:
		ev.name = "Invoke"
		ev.management = false
		ev.category = "Data"
		r := trailObj()
		r.strsKey("functionName", "arn:aws:lambda:", ev.region, ":", g.account, ":function:", fn)
		r.strsKey("sourceArn", "arn:aws:s3:::", g.pick(trailBuckets))
		ev.req = r.done()
		a := trailObj()
		a.ks("functionVersion", "arn:aws:lambda:"+ev.region+":"+g.account+":function:"+fn+":$LATEST")
		ev.additional = a.done()
		res := &trailJW{}
		res.open('[')
		res.open('{')
		res.ks("accountId", g.account)
		res.ks("type", "AWS::Lambda::Function")
		res.strsKey("ARN", "arn:aws:lambda:", ev.region, ":", g.account, ":function:", fn)
		res.close('}')
		res.close(']')
		ev.resources = res.b
	case 2:
		ev.name = "GetFunction20150331v2"
		ev.readOnly = true
		r := trailObj()
		r.ks("functionName", fn)
		ev.req = r.done()
	default:
		ev.name = "UpdateFunctionCode20150331v2"
		r := trailObj()
		r.ks("functionName", fn)
		r.kb("publish", true)
		r.kb("dryRun", false)
		r.ks("s3Bucket", "acme-deploy-artifacts")
		r.ks("s3Key", fn+"/build-4211.zip")
		ev.req = r.done()
		resp := trailObj()
		resp.ks("functionName", fn)
		resp.strsKey("functionArn", "arn:aws:lambda:", ev.region, ":", g.account, ":function:", fn)
		resp.ks("runtime", "provided.al2023")
		resp.strsKey("role", "arn:aws:iam::", g.account, ":role/LambdaExecution")
		resp.ks("handler", "bootstrap")
		resp.ki("codeSize", int64(4<<20+g.rng.IntN(1<<20)))
		resp.ks("description", "")
		resp.ki("timeout", 60)
		resp.ki("memorySize", 512)
		resp.ks("lastModified", g.now.Format("2006-01-02T15:04:05.000-0700"))
		resp.hexKey(g, "codeSha256", 44)
		resp.ks("version", "17")
		resp.kobj("tracingConfig")
		resp.ks("mode", "PassThrough")
		resp.close('}')
		resp.key("revisionId")
		resp.uuid(g)
		resp.ks("state", "Active")
		resp.ks("lastUpdateStatus", "InProgress")
		resp.ks("packageType", "Zip")
		resp.karr("architectures")
		resp.str("arm64")
		resp.close(']')
		resp.kobj("ephemeralStorage")
		resp.ki("size", 512)
		resp.close('}')
		ev.resp = resp.done()
	}
}

func (w *trailJW) hexKey(g *trailGen, k string, n int) {
	w.key(k)
	w.hex(g, n)
}

func (g *trailGen) cloudwatch(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "monitoring.amazonaws.com"
	ev.version = "1.08"
	ev.host = trailHost("monitoring", ev.region)
	if g.chance(0.5) {
		ev.name = "GetMetricData"
		ev.readOnly = true
		r := trailObj()
		r.karr("metricDataQueries")
		for i := 0; i < 1+g.rng.IntN(5); i++ {
			r.open('{')
			r.ks("id", "m"+strconv.Itoa(i))
			r.kobj("metricStat")
			r.kobj("metric")
			r.ks("namespace", "AWS/MediaConvert")
			r.ks("metricName", []string{"JobsCompletedCount", "TranscodingTime", "Errors", "StandbyTime"}[i%4])
			r.karr("dimensions")
			r.open('{')
			r.ks("name", "Queue")
			r.strsKey("value", "arn:aws:mediaconvert:", ev.region, ":", g.account, ":queues/Default")
			r.close('}')
			r.close(']')
			r.close('}')
			r.ki("period", 300)
			r.ks("stat", "Sum")
			r.close('}')
			r.kb("returnData", true)
			r.close('}')
		}
		r.close(']')
		r.key("startTime")
		r.beginStr()
		r.b = g.now.Add(-3*time.Hour).AppendFormat(r.b, "Jan 2, 2006, 3:04:05 PM")
		r.endStr()
		r.key("endTime")
		r.beginStr()
		r.b = g.now.AppendFormat(r.b, "Jan 2, 2006, 3:04:05 PM")
		r.endStr()
		ev.req = r.done()
		return
	}
	ev.name = "PutMetricData"
	ev.management = false
	ev.category = "Data"
	r := trailObj()
	r.ks("namespace", "Acme/Ingest")
	r.karr("metricData")
	for i := 0; i < 1+g.rng.IntN(12); i++ {
		r.open('{')
		r.ks("metricName", []string{"FilesProcessed", "BytesIn", "LatencyMs", "QueueDepth"}[i%4])
		r.karr("dimensions")
		r.open('{')
		r.ks("name", "Pipeline")
		r.ks("value", "ingest-"+strconv.Itoa(i%3))
		r.close('}')
		r.close(']')
		r.key("timestamp")
		r.beginStr()
		r.b = g.now.AppendFormat(r.b, "Jan 2, 2006, 3:04:05 PM")
		r.endStr()
		r.key("value")
		r.raw(strconv.FormatFloat(g.rng.Float64()*1000, 'f', 3, 64))
		r.ks("unit", "Count")
		r.close('}')
	}
	r.close(']')
	ev.req = r.done()
}

func (g *trailGen) dynamodb(ev *trailEvent) {
	g.fillCaller(ev, true)
	ev.source = "dynamodb.amazonaws.com"
	ev.version = "1.08"
	ev.host = trailHost("dynamodb", ev.region)
	table := []string{"Orders", "MediaAssets", "Sessions", "JobState"}[g.rng.IntN(4)]
	r := trailObj()
	r.ks("tableName", table)
	ops := []string{"GetItem", "PutItem", "Query", "DescribeTable", "UpdateItem"}
	ev.name = ops[g.rng.IntN(len(ops))]
	switch ev.name {
	case "DescribeTable":
		ev.readOnly = true
		ev.req = r.done()
		resp := trailObj()
		resp.kobj("table")
		resp.karr("attributeDefinitions")
		for _, a := range []string{"pk", "sk", "gsi1pk"} {
			resp.open('{')
			resp.ks("attributeName", a)
			resp.ks("attributeType", "S")
			resp.close('}')
		}
		resp.close(']')
		resp.ks("tableName", table)
		resp.karr("keySchema")
		resp.open('{')
		resp.ks("attributeName", "pk")
		resp.ks("keyType", "HASH")
		resp.close('}')
		resp.open('{')
		resp.ks("attributeName", "sk")
		resp.ks("keyType", "RANGE")
		resp.close('}')
		resp.close(']')
		resp.ks("tableStatus", "ACTIVE")
		resp.key("creationDateTime")
		resp.beginStr()
		resp.b = g.now.Add(-400*24*time.Hour).AppendFormat(resp.b, "Jan 2, 2006, 3:04:05 PM")
		resp.endStr()
		resp.kobj("provisionedThroughput")
		resp.ki("numberOfDecreasesToday", 0)
		resp.ki("readCapacityUnits", 0)
		resp.ki("writeCapacityUnits", 0)
		resp.close('}')
		resp.ki("tableSizeBytes", int64(g.rng.IntN(1<<30)))
		resp.ki("itemCount", int64(g.rng.IntN(1<<20)))
		resp.strsKey("tableArn", "arn:aws:dynamodb:", ev.region, ":", g.account, ":table/", table)
		resp.key("tableId")
		resp.uuid(g)
		resp.kobj("billingModeSummary")
		resp.ks("billingMode", "PAY_PER_REQUEST")
		resp.close('}')
		resp.close('}')
		ev.resp = resp.done()
		return
	case "Query":
		ev.readOnly = true
		r.ks("keyConditionExpression", "pk = :pk AND begins_with(sk, :prefix)")
		r.kobj("expressionAttributeValues")
		r.ks(":pk", "HIDDEN_DUE_TO_SECURITY_REASONS")
		r.ks(":prefix", "HIDDEN_DUE_TO_SECURITY_REASONS")
		r.close('}')
		r.ki("limit", 100)
	default:
		ev.readOnly = ev.name == "GetItem"
		r.kobj("key")
		r.ks("pk", "HIDDEN_DUE_TO_SECURITY_REASONS")
		r.ks("sk", "HIDDEN_DUE_TO_SECURITY_REASONS")
		r.close('}')
		if ev.name == "UpdateItem" {
			r.ks("updateExpression", "SET #s = :s, updatedAt = :t")
			r.kobj("expressionAttributeNames")
			r.ks("#s", "status")
			r.close('}')
		}
	}
	ev.management = false
	ev.category = "Data"
	ev.req = r.done()
	res := &trailJW{}
	res.open('[')
	res.open('{')
	res.ks("accountId", g.account)
	res.ks("type", "AWS::DynamoDB::Table")
	res.strsKey("ARN", "arn:aws:dynamodb:", ev.region, ":", g.account, ":table/", table)
	res.close('}')
	res.close(']')
	ev.resources = res.b
}

func (g *trailGen) misc(ev *trailEvent) {
	g.fillCaller(ev, false)
	ev.version = "1.08"
	switch g.rng.IntN(5) {
	case 0:
		ev.source = "ssm.amazonaws.com"
		ev.name = "GetParameter"
		ev.readOnly = true
		ev.host = trailHost("ssm", ev.region)
		r := trailObj()
		r.ks("name", "/media/prod/api-key")
		r.kb("withDecryption", true)
		ev.req = r.done()
	case 1:
		ev.source = "secretsmanager.amazonaws.com"
		ev.name = "GetSecretValue"
		ev.readOnly = true
		ev.host = trailHost("secretsmanager", ev.region)
		r := trailObj()
		r.strsKey("secretId", "arn:aws:secretsmanager:", ev.region, ":", g.account, ":secret:prod/db-AbCdEf")
		ev.req = r.done()
	case 2:
		ev.source = "ecr.amazonaws.com"
		ev.name = "GetAuthorizationToken"
		ev.readOnly = true
		ev.host = trailHost("api.ecr", ev.region)
	case 3:
		ev.source = "signin.amazonaws.com"
		ev.name = "ConsoleLogin"
		ev.eventType = "AwsConsoleSignIn"
		if g.region == "" {
			ev.region = trailGlobalRegion
		}
		ev.agent = trailConsoleAgents[0]
		resp := trailObj()
		resp.ks("ConsoleLogin", "Success")
		ev.resp = resp.done()
		a := trailObj()
		a.ks("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true")
		a.ks("MobileVersion", "No")
		a.strsKey("MFAIdentifier", "arn:aws:iam::", g.account, ":mfa/alice")
		a.ks("MFAUsed", "Yes")
		ev.additional = a.done()
	default:
		ev.source = "cloudformation.amazonaws.com"
		ev.name = "DescribeStacks"
		ev.readOnly = true
		ev.host = trailHost("cloudformation", ev.region)
		r := trailObj()
		r.strsKey("stackName", "arn:aws:cloudformation:", ev.region, ":", g.account, ":stack/media-pipeline/", string(g.appendUUID(nil)))
		ev.req = r.done()
	}
}
