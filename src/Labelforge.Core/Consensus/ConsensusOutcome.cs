using Labelforge.Engine.Consensus;

namespace Labelforge.Core.Consensus;

/// <summary>What a run stored (<see cref="Run"/>) plus what it computed on, for callers that measure it (the CLI's gold accuracy).</summary>
public sealed record ConsensusOutcome(ConsensusRunView Run, ProjectAnswers Answers, ConsensusResult Result);
