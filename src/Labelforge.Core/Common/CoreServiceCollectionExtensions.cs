using Labelforge.Core.Acceptance;
using Labelforge.Core.Adjudication;
using Labelforge.Core.Accounts;
using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Consensus;
using Labelforge.Core.Audit;
using Labelforge.Core.Counts;
using Labelforge.Core.Erasure;
using Labelforge.Core.Events;
using Labelforge.Core.Guidelines;
using Labelforge.Core.Export;
using Labelforge.Core.Gold;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.LabelErrors;
using Labelforge.Core.LabelingFunctions;
using Labelforge.Core.Media;
using Labelforge.Core.Models;
using Labelforge.Core.Privacy;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Scorecards;
using Labelforge.Core.Taxonomy;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Common;

/// <summary>Every Core feature's registration, in one call; the app's composition root adds the store and Training.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the operations of every Core feature. The host registers the scope's <c>LabelforgeDb</c> and a
    /// <see cref="TimeProvider"/>; nothing is scanned, so building the provider costs what these lines do.
    /// </summary>
    public static IServiceCollection AddLabelforgeCore(this IServiceCollection services) =>
        services.AddProjects()
            .AddTaxonomy()
            .AddItems()
            .AddAnnotations()
            .AddImport()
            .AddGold()
            .AddExport()
            .AddCounts()
            .AddQueues()
            .AddModels()
            .AddLabelingFunctions()
            .AddAcceptance()
            .AddLabelErrors()
            .AddGuidelines()
            .AddProjectEvents()
            .AddAgreement()
            .AddConsensus()
            .AddMedia()
            .AddAccounts()
            .AddScorecards()
            .AddAdjudication()
            .AddAudit()
            .AddErasure()
            .AddPrivacy();
}
