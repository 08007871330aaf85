using System.Net;
using System.Net.Sockets;

namespace AuditDashboard.E2E;

public static class Ports
{
    /// <summary>A free port on 127.0.0.1, for servers whose address another must know before they start.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
