namespace Labelforge.Core.Accounts;

/// <summary>A person who signs in. <see cref="Name"/> is the author of every human annotation they make.</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public InstanceRole Role { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; null for a user who signs in by token or link only (the first-run admin).</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Changes when the password or role changes, which ends the user's cookie sessions.</summary>
    public required string SecurityStamp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
