using Labelforge.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Labelforge.Core.Accounts;

/// <summary>Password rules and hashing by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2-HMAC-SHA512, salted).</summary>
public static class Passwords
{
    public const int MinLength = 8;

    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password)
    {
        if (password.Length < MinLength)
            throw LabelforgeException.Invalid($"A password needs at least {MinLength} characters.");
        return Hasher.HashPassword(user, password);
    }

    /// <summary>True when <paramref name="password"/> is the user's; false for a user without a password.</summary>
    public static bool Verify(User user, string password) =>
        user.PasswordHash is { } hash && Hasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
}
