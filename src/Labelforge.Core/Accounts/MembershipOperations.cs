using Labelforge.Core.Audit;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Accounts;

/// <summary>Who belongs to which project with which role.</summary>
public sealed class MembershipOperations(LabelforgeDb db, ProjectOperations projects, AccountOperations accounts, AuditLog audit)
{
    /// <summary>Adds the user to the project, or changes their role there.</summary>
    public async Task<MemberSummary> SetAsync(long projectId, string userName, ProjectRole role, CancellationToken ct = default)
    {
        var project = await projects.GetAsync(projectId, ct);
        var user = await accounts.GetAsync(userName, ct);
        var member = await db.ProjectMembers.FirstOrDefaultAsync(m => m.ProjectId == project.Id && m.UserId == user.Id, ct);
        if (member is null)
            db.ProjectMembers.Add(member = new ProjectMember { ProjectId = project.Id, UserId = user.Id });
        var previous = db.Entry(member).State == EntityState.Added ? null : RoleNames.Of(member.Role);
        member.Role = role;
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(AuditActions.MemberSet, project.Id, user.Name, new { from = previous, to = RoleNames.Of(role) }, ct);
        return new MemberSummary(project.Id, user.Name, role);
    }

    public async Task<bool> RemoveAsync(long projectId, string userName, CancellationToken ct = default)
    {
        var user = await accounts.GetAsync(userName, ct);
        var removed = await db.ProjectMembers.Where(m => m.ProjectId == projectId && m.UserId == user.Id).ExecuteDeleteAsync(ct) > 0;
        if (removed)
            await audit.WriteAsync(AuditActions.MemberRemoved, projectId, user.Name, ct: ct);
        return removed;
    }

    public async Task<IReadOnlyList<MemberSummary>> ListAsync(long projectId, CancellationToken ct = default)
    {
        await projects.GetAsync(projectId, ct);
        return await db.ProjectMembers.AsNoTracking().Where(m => m.ProjectId == projectId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Name, m.Role })
            .OrderBy(x => x.Name).Select(x => new MemberSummary(projectId, x.Name, x.Role)).ToListAsync(ct);
    }

    /// <summary>The user's role in the project; null when they are not a member.</summary>
    public async Task<ProjectRole?> RoleAsync(long projectId, long userId, CancellationToken ct = default) =>
        (await db.ProjectMembers.AsNoTracking().FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId, ct))?.Role;

    /// <summary>The ids of the projects the user is a member of.</summary>
    public async Task<IReadOnlyCollection<long>> ProjectIdsAsync(long userId, CancellationToken ct = default) =>
        await db.ProjectMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.ProjectId).ToListAsync(ct);
}
