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
	Kind ActorKind `json:"kind,omitempty"`
	// Name is the most useful name of the actor: the IAM user name, the
	// role name behind an assumed-role session, the Identity Center user
	// (see UserIdentity.Actor), the invoking service ("s3.amazonaws.com"),
	// or "root".
	Name string `json:"name,omitempty"`
	// ARN is the ARN of the actor where there is one: the user's ARN, the
	// role's ARN (not the session's), the root user's ARN.
	ARN string `json:"arn,omitempty"`
	// AccountID is the account the actor belongs to.
	AccountID string `json:"accountId,omitempty"`
	// Session is the session name of an assumed-role session, such as the
	// user or program that assumed the role; empty for other kinds.
	Session string `json:"session,omitempty"`
	// UserID is the IAM Identity Center user's id in its identity store
	// (onBehalfOf.userId), for an Identity Center user.
	UserID string `json:"userId,omitempty"`
	// Role is the permission set's role (AWSReservedSSO_...) an Identity
	// Center user's session used, when the record says.
	Role string `json:"role,omitempty"`
}

// String returns the actor as one short text: "role/Admin (session alice)",
// "user/alice", "identitycenter/alice@example.com (role
// AWSReservedSSO_MediaOps_0123456789abcdef)", "identitycenter/<user id>"
// when the record names no one, "service s3.amazonaws.com", "root".
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
		if a.Role != "" {
			return "identitycenter/" + a.Name + " (role " + a.Role + ")"
		}
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
//
// Names come from the record in this order. An IAM user is its userName,
// else the last part of its ARN: userName is the name IAM knows the user
// by, where the ARN's last part may follow a path. A role is the session
// issuer's userName (the role's name), else the role in the session's
// ARN; the session name is Session. An IAM Identity Center user, whether
// the identity is of type IdentityCenterUser or a session of a permission
// set's role (AWSReservedSSO_..., with or without onBehalfOf), is named
// after the person: the userName when the record has one that is not the
// role's, else the session name (Identity Center names a permission set's
// session after the user who signed in, such as alice@example.com), else
// the sessionContext's sourceIdentity, else the identity store's user id
// (UserID), which names no one readable but is all some records carry.
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
		if u.OnBehalfOf != nil {
			a.UserID = u.OnBehalfOf.UserID
		}
		if a.Name == "" {
			a.Name = a.UserID
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
	// A call made through IAM Identity Center names the person, whatever
	// role carried it: a session of a permission set's role
	// (AWSReservedSSO_...), or one on behalf of an Identity Center user.
	onBehalf := u.OnBehalfOf != nil && u.OnBehalfOf.UserID != ""
	if a.Kind == ActorRole && (onBehalf || strings.HasPrefix(a.Name, "AWSReservedSSO_")) {
		a.Kind, a.Role = ActorIdentityCenterUser, a.Name
		if onBehalf {
			a.UserID = u.OnBehalfOf.UserID
		}
		a.Name = identityCenterName(u, a.Session, a.UserID)
		a.Session = ""
	}
	return a
}

// identityCenterName names the person behind an Identity Center session:
// userName when the record has one that is not the role's (CloudTrail
// writes the person's user name there for identity-enhanced sessions),
// else the session name (Identity Center names a permission set's session
// after the user who signed in, such as alice@example.com), else the
// sourceIdentity, else the identity store's user id.
func identityCenterName(u *UserIdentity, session, userID string) string {
	if u.UserName != "" && !strings.HasPrefix(u.UserName, "AWSReservedSSO_") {
		return u.UserName
	}
	if session != "" {
		return session
	}
	if u.SessionContext != nil && u.SessionContext.SourceIdentity != "" {
		return u.SessionContext.SourceIdentity
	}
	return userID
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
