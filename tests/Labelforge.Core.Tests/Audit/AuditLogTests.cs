using Labelforge.Core.Accounts;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Export;
using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Audit;

public class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Account_project_export_labeling_function_and_settings_changes_are_logged_with_the_scope_actor()
    {
        await using var t = await TestDb.CreateAsync();
        t.Get<AuditActor>().Name = "root";
        var p = await t.ProjectAsync();
        await t.Get<AccountOperations>().AddAsync("bea", InstanceRole.Member, "a long password", Ct);
        await t.Get<AccountOperations>().SetRoleAsync("bea", InstanceRole.Admin, Ct);
        await t.Get<MembershipOperations>().SetAsync(p.Id, "bea", ProjectRole.Reviewer, Ct);
        await t.Get<MembershipOperations>().SetAsync(p.Id, "bea", ProjectRole.Manager, Ct);
        await t.Get<MembershipOperations>().RemoveAsync(p.Id, "bea", Ct);
        var token = await t.Get<TokenOperations>().CreateAsync("bea", "ci", null, Ct);
        await t.Get<TokenOperations>().RevokeAsync(await t.Get<AccountOperations>().GetAsync("bea", Ct), token.Token.Id, Ct);
        await t.Get<ProjectOperations>().UpdateGuidelinesAsync(p.Id, "Be kind.", ct: Ct);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(Seed: 7), Ct);
        var saved = await t.Get<LabelingFunctionProjectOperations>().SaveAsync(p.Id, "rules", "labels: [ham, spam]\nfunctions:\n  - name: k\n    kind: keyword\n    keywords: [hi]\n    label: ham\n", "rules.yaml", ".", Ct);
        Assert.Empty(saved.Errors);
        await t.Get<ExportOperations>().WriteAsync(new ExportRequest(p.Id, ExportFormat.Csv, false), Stream.Null, Ct);

        var page = await t.Get<AuditLog>().ListAsync(new AuditQuery(), Ct);

        Assert.Equal([AuditActions.ProjectCreated, AuditActions.UserCreated, AuditActions.UserRoleChanged, AuditActions.MemberSet, AuditActions.MemberSet,
            AuditActions.MemberRemoved, AuditActions.TokenCreated, AuditActions.TokenRevoked, AuditActions.GuidelinesChanged, AuditActions.QueueSettingsChanged,
            AuditActions.LabelingFunctionSetSaved, AuditActions.Export], page.Events.Reverse().Select(e => e.Action));
        Assert.All(page.Events, e => Assert.Equal("root", e.Actor));
        Assert.All(page.Events, e => Assert.Equal(t.Time.GetUtcNow(), e.At));
        var roleChange = page.Events.Single(e => e.Action == AuditActions.UserRoleChanged);
        Assert.Equal(("bea", """{"from":"member","to":"admin"}"""), (roleChange.Target, roleChange.Details?.GetRawText()));
        var second = page.Events.Where(e => e.Action == AuditActions.MemberSet).First();
        Assert.Equal("""{"from":"reviewer","to":"manager"}""", second.Details?.GetRawText());
        Assert.DoesNotContain(page.Events, e => e.Details?.GetRawText().Contains("a long password", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(page.Events, e => e.Details?.GetRawText().Contains(token.Secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_log_pages_newest_first_and_filters_by_action_actor_project_and_time()
    {
        await using var t = await TestDb.CreateAsync();
        var log = t.Get<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await log.WriteAsAsync(i % 2 == 0 ? "ann" : "ben", i < 3 ? AuditActions.SignIn : AuditActions.Export, projectId: i == 4 ? 9 : null, ct: Ct);
            t.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await log.ListAsync(new AuditQuery(PageSize: 2, Page: 2), Ct);
        Assert.Equal(5, page.Total);
        Assert.Equal([3L, 2L], page.Events.Select(e => e.Id));
        Assert.Equal(3, (await log.ListAsync(new AuditQuery(Action: AuditActions.SignIn), Ct)).Total);
        Assert.Equal(2, (await log.ListAsync(new AuditQuery(Actor: "ben"), Ct)).Total);
        Assert.Equal(5L, Assert.Single((await log.ListAsync(new AuditQuery(ProjectId: 9), Ct)).Events).Id);
        Assert.Equal(2, (await log.ListAsync(new AuditQuery(Since: t.Time.GetUtcNow().AddMinutes(-2)), Ct)).Total);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown audit action 'dance'", () => log.ListAsync(new AuditQuery(Action: "dance"), Ct));
    }

    [Fact]
    public async Task The_store_refuses_to_change_or_delete_an_entry()
    {
        await using var t = await TestDb.CreateAsync();
        await t.Get<AuditLog>().WriteAsAsync("ann", AuditActions.SignIn, ct: Ct);

        var update = await Assert.ThrowsAsync<SqliteException>(() => t.Db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET Actor = 'eve'", Ct));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => t.Db.AuditEvents.ExecuteDeleteAsync(Ct));

        Assert.Contains("audit_events is append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("audit_events is append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("ann", (await t.Db.AuditEvents.AsNoTracking().SingleAsync(Ct)).Actor);
    }
}
