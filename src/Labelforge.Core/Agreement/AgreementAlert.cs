namespace Labelforge.Core.Agreement;

/// <summary>
/// Agreement in group <see cref="After"/> fell below the lower end of the 95% interval of the group before it
/// (<see cref="Before"/>): a drop larger than the interval, after a guideline or taxonomy change or from one week to the next.
/// </summary>
public sealed record AgreementAlert(string By, string Before, string After, double BeforeValue, double BeforeLower, double AfterValue, string Message);
