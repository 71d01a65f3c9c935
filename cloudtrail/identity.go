package cloudtrail

import "strings"

// ActorKind classifies who made a call.
type ActorKind string

// The kinds of actor that Actor tells apart.
const (
	ActorUnknown            ActorKind = ""                   // no identity, or one of an unknown type
	ActorRoot               ActorKind = "Root"               // the account's root user
	ActorIAMUser            ActorKind = "IAMUser"            // an IAM user
	ActorRole               ActorKind = "Role"               // an IAM role, through an assumed-role session
	ActorFederatedUser      ActorKind = "FederatedUser"      // a user federated through STS GetFederationToken
	ActorIdentityCenterUser ActorKind = "IdentityCenterUser" // an IAM Identity Center user
	ActorWebIdentity        ActorKind = "WebIdentity"        // a web identity or SAML user
	ActorAWSService         ActorKind = "AWSService"         // an AWS service acting on its own
	ActorAWSAccount         ActorKind = "AWSAccount"         // another AWS account
)

// Actor answers "who did this" for a record, whatever the identity type.
type Actor struct {
	Kind ActorKind
	// Name is the most useful name of the actor: the IAM user name, the
	// role name behind an assumed-role session, the Identity Center user
	// name or id, the invoking service ("s3.amazonaws.com"), or "root".
	Name string
	// ARN is the ARN of the actor where there is one: the user's ARN, the
	// role's ARN (not the session's), the root user's ARN.
	ARN string
	// AccountID is the account the actor belongs to.
	AccountID string
	// Session is the session name of an assumed-role session, such as the
	// user or program that assumed the role; empty for other kinds.
	Session string
}

// String returns the actor as one short text: "role/Admin (session alice)",
// "user/alice", "service s3.amazonaws.com", "root".
func (a Actor) String() string {
	switch a.Kind {
	case ActorRoot:
		return "root"
	case ActorIAMUser:
		return "user/" + a.Name
	case ActorRole:
		if a.Session != "" {
			return "role/" + a.Name + " (session " + a.Session + ")"
		}
		return "role/" + a.Name
	case ActorFederatedUser:
		return "federated/" + a.Name
	case ActorIdentityCenterUser:
		return "identitycenter/" + a.Name
	case ActorWebIdentity:
		return "webidentity/" + a.Name
	case ActorAWSService:
		return "service " + a.Name
	case ActorAWSAccount:
		return "account " + a.AccountID
	}
	if a.Name != "" {
		return a.Name
	}
	return "unknown"
}

// Actor returns who made the call recorded by e; see UserIdentity.Actor.
func (e *Event) Actor() Actor {
	if e == nil {
		return Actor{}
	}
	return e.UserIdentity.Actor()
}

// Actor answers "who did this": the IAM user, the role behind an
// assumed-role session, the IAM Identity Center user, the invoking service,
// and so on. It is safe to call on a nil UserIdentity.
func (u *UserIdentity) Actor() Actor {
	if u == nil {
		return Actor{}
	}
	a := Actor{AccountID: u.AccountID}
	issuer := u.issuer()
	switch u.Type {
	case "Root":
		a.Kind, a.Name, a.ARN = ActorRoot, "root", u.ARN
	case "IAMUser":
		a.Kind, a.Name, a.ARN = ActorIAMUser, u.UserName, u.ARN
		if a.Name == "" {
			a.Name = lastPart(u.ARN)
		}
	case "AssumedRole", "Role":
		a.Kind = ActorRole
		a.Name, a.ARN = issuer.UserName, issuer.ARN
		if a.ARN == "" {
			a.ARN = u.ARN
		}
		if a.Name == "" {
			a.Name = roleFromSessionARN(u.ARN)
		}
		a.Session = sessionName(u)
		if issuer.AccountID != "" {
			a.AccountID = issuer.AccountID
		}
	case "FederatedUser":
		a.Kind, a.ARN = ActorFederatedUser, u.ARN
		a.Name = lastPart(u.ARN)
		if issuer.UserName != "" && a.Name == "" {
			a.Name = issuer.UserName
		}
	case "IdentityCenterUser":
		a.Kind = ActorIdentityCenterUser
		a.Name = u.UserName
		if a.Name == "" && u.OnBehalfOf != nil {
			a.Name = u.OnBehalfOf.UserID
		}
		a.ARN = u.ARN
	case "WebIdentityUser", "SAMLUser":
		a.Kind, a.Name, a.ARN = ActorWebIdentity, u.UserName, u.ARN
		if a.Name == "" {
			a.Name = u.PrincipalID
		}
	case "AWSService":
		a.Kind, a.Name = ActorAWSService, u.InvokedBy
	case "AWSAccount":
		a.Kind, a.Name = ActorAWSAccount, u.AccountID
		if u.InvokedBy != "" {
			a.Name = u.InvokedBy
		}
	default:
		a.Name = u.UserName
		if a.Name == "" {
			a.Name = lastPart(u.ARN)
		}
		if a.Name == "" {
			a.Name = u.InvokedBy
		}
		if a.Name == "" {
			a.Name = u.PrincipalID
		}
		a.ARN = u.ARN
	}
	// A call made through IAM Identity Center on behalf of a user names
	// that user, whatever role carried it.
	if u.OnBehalfOf != nil && u.OnBehalfOf.UserID != "" && a.Kind == ActorRole {
		a.Kind, a.Name, a.Session = ActorIdentityCenterUser, u.UserName, ""
		if a.Name == "" {
			a.Name = u.OnBehalfOf.UserID
		}
	}
	return a
}

// issuer returns the session issuer, or an empty one.
func (u *UserIdentity) issuer() SessionIssuer {
	if u.SessionContext == nil || u.SessionContext.SessionIssuer == nil {
		return SessionIssuer{}
	}
	return *u.SessionContext.SessionIssuer
}

// sessionName returns the session part of an assumed-role identity: the
// last part of arn:aws:sts::111122223333:assumed-role/Role/session, or of the
// principal id AROA...:session.
func sessionName(u *UserIdentity) string {
	if _, after, ok := strings.Cut(u.ARN, ":assumed-role/"); ok {
		if _, session, ok := strings.Cut(after, "/"); ok {
			return session
		}
	}
	if _, session, ok := strings.Cut(u.PrincipalID, ":"); ok {
		return session
	}
	return ""
}

// roleFromSessionARN returns Role from arn:...:assumed-role/Role/session.
func roleFromSessionARN(arn string) string {
	if _, after, ok := strings.Cut(arn, ":assumed-role/"); ok {
		role, _, _ := strings.Cut(after, "/")
		return role
	}
	return lastPart(arn)
}

// lastPart returns what follows the last slash of an ARN's resource.
func lastPart(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	if i := strings.LastIndexByte(arn, ':'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}
