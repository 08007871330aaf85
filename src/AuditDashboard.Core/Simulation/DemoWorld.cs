namespace AuditDashboard.Core.Simulation;

/// <summary>The fixed cast of the demo: places, networks, devices and applications.</summary>
internal static class DemoWorld
{
    public sealed record Place(string City, string Country, double Lat, double Lon, long Asn, string IpPrefix, double UtcOffset);

    public sealed record App(string ClientId, string Scope, bool Refresh, string UserAgentKind);

    public static readonly Place[] Offices =
    [
        new("Berlin", "DE", 52.520008, 13.404954, 3320, "91.64", 1),
        new("London", "GB", 51.507351, -0.127758, 2856, "81.128", 0),
        new("Paris", "FR", 48.856613, 2.352222, 3215, "90.12", 1),
        new("New York", "US", 40.712776, -74.005974, 7922, "73.45", -5),
        new("San Francisco", "US", 37.774929, -122.419418, 7018, "12.34", -8),
        new("Chicago", "US", 41.878113, -87.629799, 7018, "99.12", -6),
        new("Toronto", "CA", 43.653225, -79.383186, 812, "99.230", -5),
        new("Sao Paulo", "BR", -23.550520, -46.633308, 28573, "177.10", -3),
        new("Tokyo", "JP", 35.676192, 139.650311, 2516, "126.10", 9),
        new("Sydney", "AU", -33.868820, 151.209296, 1221, "101.160", 10),
        new("Mumbai", "IN", 19.075984, 72.877656, 55836, "49.36", 5.5),
        new("Singapore", "SG", 1.352083, 103.819836, 9506, "116.14", 8),
    ];

    /// <summary>Hosting networks and far-away places that attacks come from.</summary>
    public static readonly Place[] Hostile =
    [
        new("Amsterdam", "NL", 52.367573, 4.904139, 14061, "167.99", 1),
        new("Frankfurt", "DE", 50.110924, 8.682127, 16509, "3.120", 1),
        new("Lagos", "NG", 6.524379, 3.379206, 29465, "105.112", 1),
        new("Moscow", "RU", 55.755826, 37.617300, 12389, "95.24", 3),
        new("Ho Chi Minh City", "VN", 10.823099, 106.629664, 45899, "113.161", 7),
        new("Jakarta", "ID", -6.208763, 106.845599, 7713, "36.68", 7),
    ];

    public static readonly string[] BrowserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
    ];

    public static readonly string[] MobileAgents =
    [
        "AcmeMobile/4.2.1 (iPhone; iOS 18.1; Scale/3.00)",
        "AcmeMobile/4.2.0 (Android 15; Pixel 8)",
    ];

    public static readonly string[] ToolAgents =
    [
        "python-requests/2.32.3",
        "curl/8.10.1",
        "Go-http-client/1.1",
    ];

    public static readonly App[] Apps =
    [
        new("web-portal", "openid profile email orders:read", true, "browser"),
        new("mobile-app", "openid profile offline_access orders:read orders:write", true, "mobile"),
        new("billing-console", "openid profile billing:read", false, "browser"),
    ];

    public static readonly App AdminConsole = new("admin-console", "openid profile admin", false, "browser");

    public static readonly (string Source, string Resource, string Audience)[] Apis =
    [
        ("collector:orders-api", "https://api.acme.example/orders", "orders-api"),
        ("collector:billing-api", "https://api.acme.example/billing", "billing-api"),
    ];

    public const string IdpSource = "keycloak:acme";
    public const string Issuer = "https://id.acme.example/realms/acme";

    public static readonly string[] FirstNames =
        ["anna", "ben", "chloe", "david", "emma", "felix", "grace", "hugo", "ines", "jonas", "kira", "liam", "maya", "noah", "olivia",
         "paul", "quinn", "rosa", "sam", "tara", "umar", "vera", "wei", "xenia", "yusuf", "zoe", "aiko", "bruno", "chen", "dara"];

    public static readonly string[] LastNames =
        ["schmidt", "smith", "martin", "garcia", "mueller", "tanaka", "silva", "kumar", "nguyen", "brown", "rossi", "kowalski",
         "johansson", "okafor", "lee", "dubois", "novak", "haddad", "costa", "jensen"];
}
