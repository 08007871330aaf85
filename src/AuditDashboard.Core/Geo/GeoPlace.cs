namespace AuditDashboard.Core.Geo;

/// <summary>What a MaxMind DB knows about an address; any part may be missing.</summary>
public sealed record GeoPlace(string? Country, string? City, double? Lat, double? Lon, int? AccuracyRadiusKm, long? Asn);
