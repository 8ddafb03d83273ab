namespace Labelforge.Core.Audit;

/// <summary>The actions the audit log records; the values are what the API, the CLI and the page show.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string UserCreated = "user-created";
    public const string UserRoleChanged = "user-role-changed";
    public const string PasswordChanged = "password-changed";
    public const string MemberSet = "member-set";
    public const string MemberRemoved = "member-removed";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string Export = "export";
    public const string Erasure = "erasure";
    public const string LabelingFunctionSetSaved = "labeling-function-set-saved";
    public const string ProjectCreated = "project-created";
    public const string ProjectDeleted = "project-deleted";
    public const string GuidelinesChanged = "guidelines-changed";
    public const string QueueSettingsChanged = "queue-settings-changed";
    public const string PiiSettingsChanged = "pii-settings-changed";

    public static IReadOnlyList<string> All { get; } =
    [
        SignIn, SignInFailed, UserCreated, UserRoleChanged, PasswordChanged, MemberSet, MemberRemoved, TokenCreated, TokenRevoked,
        Export, Erasure, LabelingFunctionSetSaved, ProjectCreated, ProjectDeleted, GuidelinesChanged, QueueSettingsChanged,
        PiiSettingsChanged,
    ];
}
