package cloudtrailtest

import (
	"strconv"
	"time"
)

// trailIdentity is one principal of the generated account, with its
// userIdentity member rendered once.
type trailIdentity struct {
	kind      string // IAMUser, AssumedRole, AWSService, IdentityCenterUser
	json      string // the userIdentity object
	accessKey string
	console   bool // calls come from the console
	service   string
}

// trailDefaultAccount is the account of the records when TrailConfig.Account
// is empty.
const trailDefaultAccount = "111122223333"

// trailGlobalRegion is the region of the events of global services, such
// as IAM and the console sign-in.
const trailGlobalRegion = "us-east-1"

var (
	trailRegions     = []string{"us-east-1", "us-east-1", "us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"}
	trailUserNames   = []string{"alice", "bob", "carol", "deploy-bot", "media-pipeline", "ops-admin", "dana", "erik"}
	trailRoleNames   = []string{"Admin", "ReadOnly", "EcsTaskRole", "LambdaExecution", "MediaConvert_Default_Role", "GitHubActionsDeploy", "DataPlatform", "AWSReservedSSO_PowerUser_3f2a1b9c"}
	trailSessionFor  = []string{"i-0a1b2c3d4e5f60718", "alice@example.com", "botocore-session-1714521600", "GitHubActions", "aws-go-sdk-1714521600123456789", "1714521600000"}
	trailServices    = []string{"s3.amazonaws.com", "lambda.amazonaws.com", "ec2.amazonaws.com", "cloudformation.amazonaws.com", "autoscaling.amazonaws.com", "elasticloadbalancing.amazonaws.com"}
	trailBuckets     = []string{"acme-data-lake", "acme-logs-111122223333", "acme-media-ingest", "acme-media-output", "cf-templates-1x2y3z-us-east-1", "acme-backups"}
	trailObjectNames = []string{"raw/2024/05/01/events-00042.parquet", "exports/report final (v2).csv", "videos/intro_1080p.mp4", "thumbnails/ep01/frame_0001.jpg", "AWSLogs/111122223333/elasticloadbalancing/us-east-1/2024/05/01/elb.log.gz", "config/app.json", "dumps/db-snapshot-2024-05-01.sql.gz", "media/source/Episode 12 – Finale.mov"}
	trailUserAgents  = []string{
		"aws-cli/2.15.40 Python/3.11.8 Linux/6.1.84-99.169.amzn2023.x86_64 exe/x86_64.amzn.2023 prompt/off command/s3.cp",
		"Boto3/1.34.93 md/Botocore#1.34.93 ua/2.0 os/linux#5.10.214-202.855.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.93",
		"aws-sdk-go-v2/1.26.1 os/linux lang/go#1.22.2 md/GOOS#linux md/GOARCH#amd64 api/s3#1.53.1",
		"aws-sdk-java/2.25.40 Linux/5.10.215-203.850.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy",
		"Terraform/1.8.2 (+https://www.terraform.io) terraform-provider-aws/5.47.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.26.1",
		"[aws-sdk-js/3.565.0 ua/2.0 os/linux#5.10.214 lang/js md/nodejs#20.12.2 api/mediaconvert#3.565.0]",
	}
	trailConsoleAgents = []string{
		"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
		"AWS Internal",
	}
	trailTLSSuites = []string{"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "ECDHE-RSA-AES128-GCM-SHA256"}
)

func (g *trailGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *trailGen) chance(p float64) bool { return g.rng.Float64() < p }

// appendID appends n characters of an upper-case AWS-style identifier.
func (g *trailGen) appendID(b []byte, prefix string, n int) []byte {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b = append(b, prefix...)
	for i := 0; i < n; i++ {
		b = append(b, chars[g.rng.IntN(len(chars))])
	}
	return b
}

func (g *trailGen) id(prefix string, n int) string {
	return string(g.appendID(nil, prefix, n))
}

const trailHexDigits = "0123456789abcdef"

// appendHex appends n random lower-case hex digits.
func (g *trailGen) appendHex(b []byte, n int) []byte {
	for n > 0 {
		v := g.rng.Uint64()
		for i := 0; i < 16 && n > 0; i++ {
			b = append(b, trailHexDigits[v&0xf])
			v >>= 4
			n--
		}
	}
	return b
}

// appendUUID appends a random version 4 UUID.
func (g *trailGen) appendUUID(b []byte) []byte {
	b = g.appendHex(b, 8)
	b = append(b, '-')
	b = g.appendHex(b, 4)
	b = append(b, '-', '4')
	b = g.appendHex(b, 3)
	b = append(b, '-', "89ab"[g.rng.IntN(4)])
	b = g.appendHex(b, 3)
	b = append(b, '-')
	return g.appendHex(b, 12)
}

func (w *trailJW) uuid(g *trailGen) {
	w.beginStr()
	w.b = g.appendUUID(w.b)
	w.endStr()
}

func (w *trailJW) hex(g *trailGen, n int) {
	w.beginStr()
	w.b = g.appendHex(w.b, n)
	w.endStr()
}

func (g *trailGen) makeIdentities() []trailIdentity {
	var ids []trailIdentity
	created := g.now.Add(-3 * time.Hour)
	for i, name := range trailUserNames {
		w := trailJW{}
		key := g.id("AKIA", 16)
		w.open('{')
		w.ks("type", "IAMUser")
		w.ks("principalId", g.id("AIDA", 17))
		w.strsKey("arn", "arn:aws:iam::", g.account, ":user/", name)
		w.ks("accountId", g.account)
		w.ks("accessKeyId", key)
		w.ks("userName", name)
		console := i%3 == 0
		if console {
			w.kobj("sessionContext")
			w.kobj("attributes")
			w.key("creationDate")
			w.time(created)
			w.ks("mfaAuthenticated", "true")
			w.close('}')
			w.close('}')
		}
		w.close('}')
		ids = append(ids, trailIdentity{kind: "IAMUser", json: string(w.b), accessKey: key, console: console})
	}
	for i, role := range trailRoleNames {
		for j := 0; j < 2; j++ {
			w := trailJW{}
			roleID := g.id("AROA", 17)
			session := trailSessionFor[(i+j)%len(trailSessionFor)]
			key := g.id("ASIA", 16)
			w.open('{')
			w.ks("type", "AssumedRole")
			w.strsKey("principalId", roleID, ":", session)
			w.strsKey("arn", "arn:aws:sts::", g.account, ":assumed-role/", role, "/", session)
			w.ks("accountId", g.account)
			w.ks("accessKeyId", key)
			w.kobj("sessionContext")
			w.kobj("sessionIssuer")
			w.ks("type", "Role")
			w.ks("principalId", roleID)
			if i == len(trailRoleNames)-1 {
				w.strsKey("arn", "arn:aws:iam::", g.account, ":role/aws-reserved/sso.amazonaws.com/", role)
			} else {
				w.strsKey("arn", "arn:aws:iam::", g.account, ":role/", role)
			}
			w.ks("accountId", g.account)
			w.ks("userName", role)
			w.close('}')
			w.kobj("webIdFederationData")
			w.close('}')
			w.kobj("attributes")
			w.key("creationDate")
			w.time(created.Add(time.Duration(i*17+j) * time.Minute))
			w.ks("mfaAuthenticated", "false")
			w.close('}')
			if role == "EcsTaskRole" && j == 0 {
				w.ks("ec2RoleDelivery", "2.0")
			}
			w.close('}')
			w.close('}')
			ids = append(ids, trailIdentity{kind: "AssumedRole", json: string(w.b), accessKey: key, console: i == len(trailRoleNames)-1})
		}
	}
	for _, svc := range trailServices {
		w := trailJW{}
		w.open('{')
		w.ks("type", "AWSService")
		w.ks("invokedBy", svc)
		w.close('}')
		ids = append(ids, trailIdentity{kind: "AWSService", json: string(w.b), service: svc})
	}
	for _, name := range []string{"maria.garcia@example.com", "li.wei@example.com"} {
		w := trailJW{}
		w.open('{')
		w.ks("type", "IdentityCenterUser")
		w.ks("accountId", g.account)
		w.kobj("onBehalfOf")
		w.key("userId")
		w.uuid(g)
		w.ks("identityStoreArn", "arn:aws:identitystore::"+g.account+":identitystore/d-9067a1b2c3")
		w.close('}')
		w.strsKey("credentialId", g.id("", 20))
		w.ks("userName", name)
		w.close('}')
		ids = append(ids, trailIdentity{kind: "IdentityCenterUser", json: string(w.b), console: true})
	}
	return ids
}

func (w *trailJW) strsKey(k string, parts ...string) {
	w.key(k)
	w.strs(parts...)
}

// who picks the identity of the next call: humans and roles for most calls,
// services for some.
func (g *trailGen) who(serviceOK bool) *trailIdentity {
	for {
		id := &g.ids[g.rng.IntN(len(g.ids))]
		if id.kind == "AWSService" && !serviceOK {
			continue
		}
		return id
	}
}

// trailEvent is one record before it is written.
type trailEvent struct {
	version    string
	source     string
	name       string
	id         *trailIdentity
	region     string
	agent      string
	ip         string
	errCode    string
	errMsg     string
	req        []byte // requestParameters, nil for null
	resp       []byte // responseElements, nil for null
	additional []byte
	resources  []byte
	readOnly   bool
	management bool
	eventType  string
	category   string
	host       string // tlsDetails.clientProvidedHostHeader, empty for none
	shared     bool
	vpce       bool
}

// record appends one record to dst.
func (g *trailGen) record(dst []byte) []byte {
	g.advance()
	ev := trailEvent{
		version:    "1.09",
		region:     g.regionFor(),
		management: true,
		eventType:  "AwsApiCall",
		category:   "Management",
	}
	if g.chance(g.media) {
		g.mediaEvent(&ev)
	} else {
		g.otherEvent(&ev)
	}
	return g.write(dst, &ev)
}

// advance moves the clock to the time of the next record: up to 1.5 s
// later, or, when the trail has an end, to a random time in the record's
// share of the period: the share of the records, or of the bytes when
// Bytes decides.
func (g *trailGen) advance() {
	if g.end.IsZero() {
		g.now = g.now.Add(time.Duration(g.rng.IntN(1500)) * time.Millisecond)
		return
	}
	var u time.Duration
	if g.step > 0 {
		u = time.Duration(g.rng.Int64N(int64(g.step)))
	}
	var at time.Time
	if g.cfg.Records > 0 {
		at = g.start.Add(time.Duration(g.n)*g.step + u)
	} else {
		span := g.end.Sub(g.start)
		at = g.start.Add(time.Duration(float64(span)*float64(g.written)/float64(g.cfg.Bytes)) + u)
	}
	if !at.Before(g.end) {
		at = g.end.Add(-time.Nanosecond)
	}
	if at.After(g.now) {
		g.now = at
	}
}

func (g *trailGen) regionFor() string {
	r := trailRegions[g.rng.IntN(len(trailRegions))]
	if g.region != "" {
		return g.region
	}
	return r
}

func (g *trailGen) fillCaller(ev *trailEvent, serviceOK bool) {
	ev.id = g.who(serviceOK)
	switch {
	case ev.id.kind == "AWSService":
		ev.ip = ev.id.service
		ev.agent = ev.id.service
	case ev.id.console:
		ev.ip = g.ip()
		ev.agent = g.pick(trailConsoleAgents)
	default:
		ev.ip = g.ip()
		ev.agent = g.pick(trailUserAgents)
	}
}

func (g *trailGen) ip() string {
	b := make([]byte, 0, 15)
	switch g.rng.IntN(3) {
	case 0:
		b = append(b, "203.0.113."...)
	case 1:
		b = append(b, "198.51.100."...)
	default:
		b = append(b, "10.20."...)
		b = strconv.AppendInt(b, int64(g.rng.IntN(256)), 10)
		b = append(b, '.')
	}
	b = strconv.AppendInt(b, int64(1+g.rng.IntN(254)), 10)
	return string(b)
}

func (g *trailGen) write(dst []byte, ev *trailEvent) []byte {
	w := trailJW{b: dst}
	w.open('{')
	w.ks("eventVersion", ev.version)
	w.key("userIdentity")
	w.raw(ev.id.json)
	w.key("eventTime")
	w.time(g.now)
	w.ks("eventSource", ev.source)
	w.ks("eventName", ev.name)
	w.ks("awsRegion", ev.region)
	w.ks("sourceIPAddress", ev.ip)
	w.ks("userAgent", ev.agent)
	if ev.errCode != "" {
		w.ks("errorCode", ev.errCode)
		w.ks("errorMessage", ev.errMsg)
	}
	w.key("requestParameters")
	if ev.req == nil {
		w.raw("null")
	} else {
		w.rawBytes(ev.req)
	}
	w.key("responseElements")
	if ev.resp == nil || ev.errCode != "" {
		w.raw("null")
	} else {
		w.rawBytes(ev.resp)
	}
	if ev.additional != nil {
		w.key("additionalEventData")
		w.rawBytes(ev.additional)
	}
	w.key("requestID")
	if ev.source == "s3.amazonaws.com" {
		w.beginStr()
		w.b = g.appendID(w.b, "", 16)
		w.endStr()
	} else {
		w.uuid(g)
	}
	w.key("eventID")
	w.uuid(g)
	w.kb("readOnly", ev.readOnly)
	if ev.resources != nil {
		w.key("resources")
		w.rawBytes(ev.resources)
	}
	w.ks("eventType", ev.eventType)
	w.kb("managementEvent", ev.management)
	w.ks("recipientAccountId", g.account)
	if ev.shared {
		w.key("sharedEventID")
		w.uuid(g)
	}
	if ev.vpce {
		w.key("vpcEndpointId")
		w.beginStr()
		w.b = append(w.b, "vpce-"...)
		w.b = g.appendHex(w.b, 17)
		w.endStr()
		w.ks("vpcEndpointAccountId", g.account)
	}
	w.ks("eventCategory", ev.category)
	if ev.host != "" {
		w.kobj("tlsDetails")
		w.ks("tlsVersion", "TLSv1.3")
		w.ks("cipherSuite", g.pick(trailTLSSuites))
		w.ks("clientProvidedHostHeader", ev.host)
		w.close('}')
	}
	if ev.id.console && g.chance(0.5) {
		w.ks("sessionCredentialFromConsole", "true")
	}
	w.close('}')
	return w.b
}

// obj returns a fresh writer for a requestParameters-like value.
func trailObj() *trailJW {
	w := &trailJW{b: make([]byte, 0, 512)}
	w.open('{')
	return w
}

func (w *trailJW) done() []byte {
	w.close('}')
	return w.b
}

func trailHost(service, region string) string {
	return service + "." + region + ".amazonaws.com"
}
