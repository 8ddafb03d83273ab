using Labelforge.Training.Models;
using Labelforge.Training.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Training;

/// <summary>Training on a project: model versions, pre-labels and the active-learning queue's retrains.</summary>
public static class TrainingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the project trainers per scope. They need Core's operations (<c>AddLabelforgeCore</c>); nothing of
    /// ML.NET loads until a trainer runs.
    /// </summary>
    public static IServiceCollection AddTraining(this IServiceCollection services)
    {
        services.AddScoped<ProjectTraining>();
        services.AddScoped<ProjectPrediction>();
        services.AddScoped<QueueRetrainer>();
        return services;
    }
}
