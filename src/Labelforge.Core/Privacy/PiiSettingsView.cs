namespace Labelforge.Core.Privacy;

/// <summary>
/// A project's masking as the API and CLI show and take it: detector wire names (email, phone, iban, card, ip), the
/// user's pattern and words. All empty: nothing is masked. <see cref="SameLengthMasks"/> (read-only) says masks keep
/// the text's length, which text-spans projects do so that span offsets stay valid.
/// </summary>
public sealed record PiiSettingsView(IReadOnlyList<string> Detectors, string? Pattern, IReadOnlyList<string> Words)
{
    public bool SameLengthMasks { get; init; }
}
