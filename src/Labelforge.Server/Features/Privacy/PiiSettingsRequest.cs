namespace Labelforge.Server.Features.Privacy;

/// <summary>The whole masking setting of a project: detectors (email, phone, iban, card, ip), a pattern, words; empty masks nothing.</summary>
public sealed record PiiSettingsRequest(IReadOnlyList<string>? Detectors, string? Pattern, IReadOnlyList<string>? Words);
