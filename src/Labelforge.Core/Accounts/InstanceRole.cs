namespace Labelforge.Core.Accounts;

/// <summary>What a user may do on the whole instance: admins manage users and see every project; members see the projects they belong to.</summary>
public enum InstanceRole
{
    Member,
    Admin,
}
