using AuditDashboard.Core.ApiKeys;
using AuditDashboard.Core.Import;
using AuditDashboard.Core.Ingest;
using AuditDashboard.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace AuditDashboard.Web.Ingest;

/// <summary>
/// POST /api/v1/import/{format}[?source=…]: a vendor file as the body, with an API key. The body is spooled to a
/// temporary file (imports read it twice: check everything, then store) and imported all or nothing.
/// </summary>
public static class ImportEndpoint
{
    public static async Task<IResult> PostAsync(string format, string? source, HttpContext http, ApiKeyService keys, ImportService importer,
        IngestService ingest, CancellationToken cancellationToken)
    {
        var (key, refusal) = await ApiKeyReader.AuthenticateAsync(http, keys, cancellationToken);
        if (key is null) return refusal!;
        if (!ImportService.Mappers.ContainsKey(format))
            return ApiProblems.Result(StatusCodes.Status404NotFound, $"unknown format '{format}' (known: {string.Join(", ", ImportService.Mappers.Keys)})");

        long limit = ingest.Options.MaxImportBytes;
        if (http.Request.ContentLength > limit)
            return IngestEndpoints.TooLarge($"the file is {http.Request.ContentLength} bytes, over the limit of {limit} bytes (Ingest:MaxImportBytes)");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit + 1;

        await using var spool = await ImportSpool.CopyAsync(http.Request.Body, limit, cancellationToken);
        if (spool is null) return IngestEndpoints.TooLarge($"the file is over the limit of {limit} bytes (Ingest:MaxImportBytes)");

        var result = await importer.ImportAsync(spool, format, string.IsNullOrWhiteSpace(source) ? null : source, "api-import:" + key.Name,
            cancellationToken: cancellationToken, sources: SourcePolicy.For(key));
        if (result.Forbidden is { } forbidden) return ApiProblems.Result(StatusCodes.Status403Forbidden, forbidden);
        return result.Succeeded
            ? Results.Ok(new ImportResponse(result.Format, result.Records, result.Accepted, result.Duplicates, result.Skipped, new ChainHeadResponse(result.HeadSeq, result.HeadHash)))
            : ApiProblems.Result(StatusCodes.Status400BadRequest, $"nothing was imported: {result.Errors.Count} problem(s) in the file", problems: result.Errors);
    }
}
