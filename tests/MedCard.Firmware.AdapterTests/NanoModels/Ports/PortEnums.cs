namespace System.IO.Ports
{
    // The members nanoframework/System.IO.Ports v1.1.139 declares (Parity.cs, StopBits.cs, Handshake.cs): fewer than
    // desktop .NET's (no Mark/Space parity, no StopBits.None).

    /// <summary>Parity bit (nano: None, Odd, Even only).</summary>
    public enum Parity
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Odd parity.</summary>
        Odd = 1,

        /// <summary>Even parity.</summary>
        Even = 2,
    }

    /// <summary>Stop bits (nano: One, Two, OnePointFive).</summary>
    public enum StopBits
    {
        /// <summary>One stop bit.</summary>
        One = 1,

        /// <summary>Two stop bits.</summary>
        Two = 2,

        /// <summary>1.5 stop bits.</summary>
        OnePointFive = 3,
    }

    /// <summary>Flow control.</summary>
    public enum Handshake
    {
        /// <summary>None.</summary>
        None,

        /// <summary>XON/XOFF.</summary>
        XOnXOff,

        /// <summary>RTS/CTS.</summary>
        RequestToSend,

        /// <summary>RTS/CTS and XON/XOFF.</summary>
        RequestToSendXOnXOff,
    }
}
