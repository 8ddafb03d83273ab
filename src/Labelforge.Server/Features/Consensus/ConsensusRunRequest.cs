namespace Labelforge.Server.Features.Consensus;

/// <summary>Body of POST /consensus: the method (default: the project's setting) and seed (default: the setting's).</summary>
public sealed record ConsensusRunRequest(string? Method = null, int? Seed = null);

/// <summary>The project's latest consensus run, or null before the first.</summary>
public sealed record ConsensusLatest(Core.Consensus.ConsensusRunView? Run);

/// <summary>Body of PUT /consensus/settings; fields left out stay as they are.</summary>
public sealed record ConsensusSettingsRequest(string? Method = null, int? Seed = null, int? RerunEvery = null, double? GoldAccuracyThreshold = null);
