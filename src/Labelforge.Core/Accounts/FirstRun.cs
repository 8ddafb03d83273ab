using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Accounts;

/// <summary>
/// A new instance works with one command: while no admin has a password, the server makes sure a password-less admin
/// exists (creating `admin` on an instance with no users) and issues a one-time sign-in link for them, as Jupyter prints
/// its token. An instance whose admin set a password gets no link.
/// </summary>
public static class FirstRun
{
    public const string AdminName = "admin";

    /// <summary>The sign-in link's secret, or null when an admin has a password.</summary>
    public static async Task<NewToken?> SignInLinkAsync(LabelforgeDb db, AccountOperations accounts, TokenOperations tokens, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(tokens);
        if (await accounts.AdminHasPasswordAsync(ct))
            return null;
        var admin = await db.Users.OrderBy(u => u.Id).FirstOrDefaultAsync(u => u.Role == InstanceRole.Admin, ct);
        if (admin is null)
        {
            var name = AdminName;
            for (var n = 2; await db.Users.AnyAsync(u => u.Name == name, ct); n++)
                name = $"{AdminName}{n}";
            admin = await accounts.AddAsync(name, InstanceRole.Admin, password: null, ct);
        }
        return await tokens.CreateAsync(admin, "first-run sign-in link", TokenKind.SignInLink, TokenOperations.SignInLinkLifetime, ct);
    }
}
