// Each test starts its own in-memory server on its own rule files, so they can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
