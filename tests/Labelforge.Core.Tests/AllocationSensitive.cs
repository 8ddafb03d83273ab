namespace Labelforge.Core.Tests;

/// <summary>
/// Tests that measure process-wide allocations run alone: other tests allocating in parallel would make
/// GC.GetTotalAllocatedBytes meaningless.
/// </summary>
[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;
