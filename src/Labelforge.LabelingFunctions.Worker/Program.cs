// Runs the C# labeling functions its parent sends over stdin and answers the votes on stdout (CSharpWorkerHost).
return Labelforge.Core.LabelingFunctions.Sandbox.CSharpWorkerHost.Serve();
