using Labelforge.Bench;

// Usage: dotnet run -c Release --project bench/Labelforge.Bench -- [suite ...]
// With no suite, lists them. Prints Markdown tables ready for docs/benchmarks.md.
return await BenchRunner.RunAsync(args);
