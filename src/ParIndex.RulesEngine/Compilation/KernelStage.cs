namespace ParIndex.RulesEngine.Compilation;

/// <summary>A generated kernel stage: processes rows [start, end) of a frame.</summary>
internal delegate void KernelStage(KernelFrame frame, int start, int end);
