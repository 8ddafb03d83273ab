using Labelforge.Cli;

return await LabelforgeCli.RunAsync(args, Console.Out, Console.Error);
