// The bUnit classes each build a simulated SQLite store and render MudBlazor pages; run the classes one at a time
// so waits inside the tests never compete with a dozen other stores being built on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
