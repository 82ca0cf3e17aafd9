using System;
using System.Text;
using MedCard.Protocol;

namespace MedCard.Benchmarks
{
    /// <summary>
    /// `golden` verb: recomputes every golden vector from the stated inputs with the current code and prints it in
    /// the README's format. Used once to fill GoldenVectors.cs / README.md; the tests then pin the values.
    /// </summary>
    internal static class GoldenVectorPrinter
    {
        public static int Run()
        {
            var hmac = new BenchHmacSha256();
            SignedRecord record = GoldenVectors.BuildUnsignedRecord();
            byte[] macInput = new byte[SignedRecord.MacInputLength];
            record.WriteMacInput(macInput, 0);
            record.Sign(hmac, GoldenVectors.TestKey());
            byte[] wire = new byte[SignedRecord.MaxEncodedLength];
            int wireLen = record.Encode(wire, 0);

            byte[] scratch = new byte[FrameFormat.MaxPayloadSize];
            byte[] frame = new byte[FrameFormat.MaxEncodedFrameSize];

            Print("MacInput", macInput, macInput.Length);
            Print("RecordMac", record.Mac, record.Mac.Length);
            Print("RecordWire", wire, wireLen);

            int n = FrameEncoder.Encode(FrameHeader.Request(MessageType.Hello, 1), GoldenVectors.BuildHello(), scratch, frame, 0);
            Print("HelloFrame", frame, n);

            var authHeader = FrameHeader.Request(MessageType.AuthorizeRequest, GoldenVectors.AuthorizeRequestId);
            n = FrameEncoder.Encode(authHeader, GoldenVectors.BuildAuthorizeRequest(), scratch, frame, 0);
            Print("AuthorizeRequestFrame", frame, n);

            var response = new AuthorizeResponse { Status = AuthorizeStatus.Approved, Record = record };
            n = FrameEncoder.Encode(authHeader.ToResponse(MessageType.AuthorizeResponse), response, scratch, frame, 0);
            Print("AuthorizeResponseFrame", frame, n);

            n = FrameEncoder.EncodeAck(FrameHeader.Request(MessageType.JournalAck, 9), frame, 0);
            Print("AckFrame", frame, n);

            n = FrameEncoder.EncodeError(FrameHeader.Request((MessageType)0x3E, 5), ErrorCode.UnknownMessageType, frame, 0);
            Print("UnknownTypeErrorFrame", frame, n);
            return 0;
        }

        private static void Print(string name, byte[] buf, int count)
        {
            Console.WriteLine(name + " =");
            var sb = new StringBuilder();
            for (int i = 0; i < count; i++)
            {
                sb.Append(i % 16 == 0 ? "  " : " ");
                sb.Append(buf[i].ToString("x2"));
                if (i % 16 == 15 || i == count - 1)
                {
                    Console.WriteLine(sb.ToString());
                    sb.Clear();
                }
            }

            Console.WriteLine();
        }
    }
}
