using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Accounts;

/// <summary>Users: add, list, find, set passwords and roles, check a sign-in.</summary>
public sealed class AccountOperations(LabelforgeDb db, TimeProvider time, AuditLog audit)
{
    public async Task<User> AddAsync(string name, InstanceRole role, string? password, CancellationToken ct = default)
    {
        name = UserNames.Check(name);
        if (await db.Users.AnyAsync(u => u.Name == name, ct))
            throw LabelforgeException.Conflict($"A user named '{name}' already exists.");
        var user = new User { Name = name, Role = role, SecurityStamp = TokenSecrets.NewStamp(), CreatedAt = time.GetUtcNow() };
        if (password is not null)
            user.PasswordHash = Passwords.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.UserCreated, target: name, details: new { role = RoleNames.Of(role) }, ct: ct);
        return user;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct)).Select(UserSummary.From).ToList();

    public async Task<User> GetAsync(string name, CancellationToken ct = default) =>
        await db.Users.FirstOrDefaultAsync(u => u.Name == name, ct)
        ?? throw LabelforgeException.NotFound($"No user '{name}'. List users with `labelforge user list`.");

    public Task<User?> FindByNameAsync(string name, CancellationToken ct = default) => db.Users.FirstOrDefaultAsync(u => u.Name == name, ct);

    public Task<User?> FindAsync(long id, CancellationToken ct = default) => db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);

    /// <summary>Sets a new password and a new security stamp, which ends the user's other sessions.</summary>
    public async Task<User> SetPasswordAsync(string name, string password, CancellationToken ct = default)
    {
        var user = await GetAsync(name, ct);
        user.PasswordHash = Passwords.Hash(user, password);
        user.SecurityStamp = TokenSecrets.NewStamp();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.PasswordChanged, target: name, ct: ct);
        return user;
    }

    public async Task<User> SetRoleAsync(string name, InstanceRole role, CancellationToken ct = default)
    {
        var user = await GetAsync(name, ct);
        if (user.Role == InstanceRole.Admin && role != InstanceRole.Admin && await db.Users.CountAsync(u => u.Role == InstanceRole.Admin, ct) == 1)
            throw LabelforgeException.Conflict($"'{name}' is the only admin; make another user admin first.");
        var previous = user.Role;
        user.Role = role;
        user.SecurityStamp = TokenSecrets.NewStamp();
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.UserRoleChanged, target: name, details: new { from = RoleNames.Of(previous), to = RoleNames.Of(role) }, ct: ct);
        return user;
    }

    /// <summary>The user when name and password match; null otherwise (the caller says neither which one was wrong).</summary>
    public async Task<User?> CheckPasswordAsync(string name, string password, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Name == name, ct);
        return user is not null && Passwords.Verify(user, password) ? user : null;
    }

    /// <summary>Whether an admin can sign in by password, which a server needs before it listens beyond loopback.</summary>
    public Task<bool> AdminHasPasswordAsync(CancellationToken ct = default) =>
        db.Users.AnyAsync(u => u.Role == InstanceRole.Admin && u.PasswordHash != null, ct);
}
