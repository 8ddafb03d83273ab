using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Media;

/// <summary>Items' media (images) served from the <see cref="IMediaStore"/> the host registers.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>Registers the feature's operations, one per scope, over the scope's <c>LabelforgeDb</c> and the host's <see cref="IMediaStore"/>.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddScoped<MediaOperations>();
        return services;
    }
}
