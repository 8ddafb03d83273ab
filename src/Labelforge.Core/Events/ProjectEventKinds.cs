namespace Labelforge.Core.Events;

/// <summary>Wire names of <see cref="ProjectEvent.Kind"/>.</summary>
public static class ProjectEventKinds
{
    /// <summary>Agreement after a guideline or taxonomy change (or in a week) fell below the previous segment's interval.</summary>
    public const string AgreementDropped = "agreement-dropped";
}
