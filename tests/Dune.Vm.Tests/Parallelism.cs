using Xunit;

// One test VM at a time: the batch (collection "vm") and the launcher and template tests, which boot their own,
// would otherwise run side by side on a machine where TCG already keeps every core busy.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
