namespace Labelforge.Server.Features.Accounts;

/// <summary>Body of POST /api/session: a user name and password.</summary>
public sealed record SignInRequest(string? Name, string? Password);

/// <summary>Body of PUT /api/session/password.</summary>
public sealed record PasswordRequest(string? Password);

/// <summary>Body of POST /api/users: name, instance role (admin or member) and an optional password.</summary>
public sealed record AddUserRequest(string? Name, string? Role, string? Password);

/// <summary>Body of PUT /api/users/{name}/role: the new instance role (admin or member).</summary>
public sealed record SetUserRoleRequest(string? Role);

/// <summary>Body of POST /api/tokens: a name for the token and its lifetime in days (none: it never expires).</summary>
public sealed record CreateTokenRequest(string? Name, int? ExpiresDays);

/// <summary>Body of PUT /api/projects/{id}/members/{user}: the project role (manager, reviewer or annotator).</summary>
public sealed record SetMemberRequest(string? Role);
