using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Labelforge.Core.Queues;

/// <summary>The labeling queue: leases, its order settings, the active-learning model state and the status report.</summary>
public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// Registers the queue's operations per scope and its options once (<see cref="QueueOptions"/>,
    /// <see cref="ActiveLearningQueueOptions"/>, defaults documented there; a host that registers its own first keeps them).
    /// A host that polls the status often also registers a shared <see cref="QueueLabelCounts"/>; without one, the status counts each time.
    /// </summary>
    public static IServiceCollection AddQueues(this IServiceCollection services)
    {
        services.TryAddSingleton(new QueueOptions());
        services.TryAddSingleton(new ActiveLearningQueueOptions());
        services.AddScoped<QueueOperations>();
        services.AddScoped<QueueSettingsOperations>();
        services.AddScoped<QueueModelOperations>();
        services.AddScoped<QueueStatusOperations>();
        return services;
    }
}
