// Each test class starts its own app (and the OIDC class a provider) with a browser: run them one at a time,
// so a 2-core machine is not asked to serve three of them at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
