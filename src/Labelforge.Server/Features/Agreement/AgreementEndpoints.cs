using Labelforge.Core.Agreement;
using Labelforge.Core.Common;
using Labelforge.Core.Events;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Agreement;

/// <summary>
/// Agreement between a project's annotators, for managers and reviewers (annotators never see it: labeling stays
/// blind to how others label). <c>metric</c> is krippendorff-alpha (default), fleiss-kappa or gwet-ac1; <c>by</c>
/// label, annotator, week, guideline-version or taxonomy-version; <c>bootstrap</c> the replicates (default 200).
/// <c>agreement/overview</c>: the Agreement page's week, label and annotator views, overall and alerts from one read.
/// <c>agreement/objects</c>: box agreement (F1 at IoU 0.5, mean IoU) of an image-objects project; <c>agreement/spans</c>:
/// span agreement (exact and partial-match F1, per label) of a text-spans project.
/// </summary>
public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreement(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}").WithTags("Agreement").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        group.MapGet("/agreement", async (long projectId, string? metric, string? by, int? bootstrap, int? seed, AgreementOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ComputeAsync(projectId, Request(metric, by, bootstrap, seed), ct)));
        group.MapGet("/agreement/overview", async (long projectId, string? metric, int? bootstrap, int? seed, AgreementOperations ops, CancellationToken ct) =>
        {
            var request = Request(metric, null, bootstrap, seed);
            return TypedResults.Ok(await ops.OverviewAsync(projectId, request.Metric, request.Bootstrap, request.Seed, ct));
        });
        group.MapGet("/agreement/objects", async (long projectId, ObjectAgreementOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ComputeAsync(projectId, ct)));
        group.MapGet("/agreement/spans", async (long projectId, SpanAgreementOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ComputeAsync(projectId, ct)));
        group.MapGet("/events", async (long projectId, string? kind, ProjectEventOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ListAsync(projectId, kind, ct)));
        return api;
    }

    private static AgreementRequest Request(string? metric, string? by, int? bootstrap, int? seed)
    {
        var m = AgreementRequest.Metrics.GetValueOrDefault(metric ?? "krippendorff-alpha");
        if (!AgreementRequest.Metrics.ContainsKey(metric ?? "krippendorff-alpha"))
            throw LabelforgeException.Invalid($"Unknown metric '{metric}'; use one of: {string.Join(", ", AgreementRequest.Metrics.Keys)}.");
        AgreementBreakdown? breakdown = null;
        if (by is not null)
        {
            breakdown = AgreementRequest.Breakdowns.TryGetValue(by, out var b) ? b
                : throw LabelforgeException.Invalid($"Unknown breakdown '{by}'; use one of: {string.Join(", ", AgreementRequest.Breakdowns.Keys)}.");
        }
        return new AgreementRequest(m, breakdown, bootstrap ?? AgreementRequest.DefaultBootstrap, seed ?? 42);
    }
}
