using Labelforge.Core.LabelingFunctions.Projects;
using Labelforge.Core.LabelingFunctions.Projects.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>Labeling functions on a project: saved sets, their stored matrix, label-model fits and the analysis; span suggestions in text-spans projects.</summary>
public static class LabelingFunctionServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddLabelingFunctions(this IServiceCollection services)
    {
        services.AddScoped<LabelingFunctionProjectOperations>();
        services.AddScoped<LabelingFunctionAnalysisOperations>();
        services.AddScoped<Spans.SpanLabelingFunctionOperations>();
        return services;
    }
}
