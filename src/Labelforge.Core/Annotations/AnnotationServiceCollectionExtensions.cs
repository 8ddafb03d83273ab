using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Annotations;

/// <summary>Annotation events: submit, history, current labels, model suggestions.</summary>
public static class AnnotationServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope (a request, a command), over the scope's <c>LabelforgeDb</c>.</summary>
    public static IServiceCollection AddAnnotations(this IServiceCollection services)
    {
        services.AddScoped<AnnotationOperations>();
        return services;
    }
}
