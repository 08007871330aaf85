using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace AuditDashboard.Web.Ingest;

public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        // Authenticated by API key, not by the dashboard cookie.
        app.MapPost("/api/v1/events", PostEvents).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Ingest);
        app.MapPost("/api/v1/import/{format}", ImportEndpoint.PostAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimits.Import);
        return app;
    }

    /// <summary>POST /api/v1/events: a JSON object, a JSON array or NDJSON; atomic, idempotent on (source, event_id).</summary>
    private static async Task<IResult> PostEvents(HttpContext http, ApiKeyService keys, IngestService ingest, CancellationToken cancellationToken)
    {
        var (key, refusal) = await ApiKeyReader.AuthenticateAsync(http, keys, cancellationToken);
        if (key is null) return refusal!;

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (null or "" or "application/json" or "application/x-ndjson" or "application/ndjson" or "text/plain")
            && !(mediaType?.EndsWith("+json", StringComparison.Ordinal) ?? false))
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, $"unsupported content type '{mediaType}': send application/json or application/x-ndjson");

        long limit = ingest.Options.MaxBodyBytes;
        if (http.Request.ContentLength > limit)
            return TooLarge($"the body is {http.Request.ContentLength} bytes, over the limit of {limit} bytes (Ingest:MaxBodyBytes)");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit + 1;

        var body = await ReadBodyAsync(http.Request.Body, limit, cancellationToken);
        if (body is null)
            return TooLarge($"the body is over the limit of {limit} bytes (Ingest:MaxBodyBytes)");

        var result = await ingest.IngestJsonAsync(body, "api:" + key.Name, cancellationToken, sources: SourcePolicy.For(key));
        return result.Status switch
        {
            IngestStatus.Accepted => Results.Ok(new IngestResponse(result.Accepted, result.Duplicates, new ChainHeadResponse(result.HeadSeq, result.HeadHash))),
            IngestStatus.OverLimit => TooLarge(result.Message!),
            IngestStatus.Forbidden => ApiProblems.Result(StatusCodes.Status403Forbidden, result.Message!),
            _ => ApiProblems.Result(StatusCodes.Status400BadRequest, result.Message!, result.Errors.Select(e => new FieldErrorResponse(e.Index, e.Field, e.Reason)).ToList()),
        };
    }

    internal static IResult TooLarge(string message) =>
        ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, message);

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
