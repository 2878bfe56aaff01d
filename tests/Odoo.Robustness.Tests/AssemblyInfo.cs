// The matrix uses tight client timeouts and the soak saturates the cores: run test classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
