using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedCard.Host.Crypto;
using MedCard.Host.Verification;
using MedCard.Protocol;

namespace MedCard.Benchmarks
{
    /// <summary>
    /// `records` verb: the host's per-record path under BenchmarkDotNet with its MemoryDiagnoser, as a cross-check of the
    /// `protocol` harness's allocation figures: frames decoded to new messages and into reused instances, the record MAC
    /// checked through the shared interface and through the host's span path, and RecordVerifier.CheckAsync. A short
    /// in-process job (3 warm-up + 3 measured iterations) so it finishes in a couple of minutes on a shared machine;
    /// its times are indicative, its "Allocated" column exact.
    /// </summary>
    [MemoryDiagnoser]
    public class RecordPathBenchmarks
    {
        private sealed class LastFrame : IFrameHandler
        {
            public byte[] Frame = Array.Empty<byte>();
            public int Offset;
            public int Length;

            public void OnFrame(FrameHeader header, byte[] frame, int payloadOffset, int payloadLength)
            {
                Frame = frame;
                Offset = payloadOffset;
                Length = payloadLength;
            }

            public void OnFrameDropped(FrameDropReason reason, int byteCount)
            {
            }
        }

        private readonly LastFrame _sink = new LastFrame();
        private readonly AuthorizeRequest _requestInto = new AuthorizeRequest();
        private readonly AuthorizeResponse _responseInto = new AuthorizeResponse();
        private readonly byte[] _macInput = new byte[SignedRecord.MacInputLength];
        private readonly BenchHmacSha256 _hmac = new BenchHmacSha256();
        private FrameDecoder _decoder = null!;
        private byte[] _key = null!;
        private SignedRecord _record = null!;
        private byte[] _requestWire = null!;
        private byte[] _responseWire = null!;
        private RecordVerifier _verifier = null!;

        /// <summary>Builds the golden exchange's two frames, the signed record and a verifier whose chain expects it.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _key = GoldenVectors.TestKey();
            _record = GoldenVectors.BuildUnsignedRecord();
            _record.Sign(_hmac, _key);
            _requestWire = Hex.Decode(GoldenVectors.AuthorizeRequestFrameHex);
            _responseWire = Hex.Decode(GoldenVectors.AuthorizeResponseFrameHex);
            _decoder = new FrameDecoder(_sink, new byte[FrameFormat.MaxFrameSize]);
            _verifier = ProtocolBenchmark.SteadyStateVerifier(_record, _key);
        }

        /// <summary>AuthorizeRequest frame to a new message (TryDecode).</summary>
        [Benchmark]
        public AuthorizeRequest? RequestToNewMessage()
        {
            _decoder.Feed(_requestWire, 0, _requestWire.Length);
            AuthorizeRequest.TryDecode(_sink.Frame, _sink.Offset, _sink.Length, out AuthorizeRequest m);
            return m;
        }

        /// <summary>AuthorizeRequest frame into a reused message (TryDecodeInto).</summary>
        [Benchmark]
        public DecodeStatus RequestDecodeInto()
        {
            _decoder.Feed(_requestWire, 0, _requestWire.Length);
            return AuthorizeRequest.TryDecodeInto(_sink.Frame, _sink.Offset, _sink.Length, _requestInto);
        }

        /// <summary>AuthorizeResponse frame (with its record) to a new message.</summary>
        [Benchmark]
        public AuthorizeResponse? ResponseToNewMessage()
        {
            _decoder.Feed(_responseWire, 0, _responseWire.Length);
            AuthorizeResponse.TryDecode(_sink.Frame, _sink.Offset, _sink.Length, out AuthorizeResponse m);
            return m;
        }

        /// <summary>AuthorizeResponse frame into a reused message and record.</summary>
        [Benchmark]
        public DecodeStatus ResponseDecodeInto()
        {
            _decoder.Feed(_responseWire, 0, _responseWire.Length);
            return AuthorizeResponse.TryDecodeInto(_sink.Frame, _sink.Offset, _sink.Length, _responseInto);
        }

        /// <summary>The shared check through IHmacSha256 (as before this change, less the truncated copy).</summary>
        [Benchmark]
        public bool VerifyShared() => _record.Verify(_hmac, _key);

        /// <summary>The shared check with a caller-owned MAC-input buffer.</summary>
        [Benchmark]
        public bool VerifySharedCallerBuffer() => _record.Verify(_hmac, _key, _macInput);

        /// <summary>The host's span check.</summary>
        [Benchmark]
        public bool VerifyHostSpan() => SignedRecordMac.Verify(_record, _key);

        /// <summary>RecordVerifier.CheckAsync with in-memory stores, verdict Accepted.</summary>
        [Benchmark]
        public RecordCheck CheckAsync() => _verifier.CheckAsync(_record, _record.ReaderId).GetAwaiter().GetResult();

        /// <summary>The host's steady state: response frame decoded into reused instances, MAC checked.</summary>
        [Benchmark]
        public bool ResponseFrameToVerifiedRecord()
        {
            _decoder.Feed(_responseWire, 0, _responseWire.Length);
            return AuthorizeResponse.TryDecodeInto(_sink.Frame, _sink.Offset, _sink.Length, _responseInto) == DecodeStatus.Ok
                && SignedRecordMac.Verify(_responseInto.Record, _key);
        }

        /// <summary>Runs the benchmarks with the short in-process job and the memory diagnoser.</summary>
        public static int Run()
        {
            IConfig config = ManualConfig.CreateEmpty()
                .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddLogger(ConsoleLogger.Default)
                // BenchmarkDotNet's reports go to the temp folder, not into the working tree.
                .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "medcard-benchmarks"));
            BenchmarkRunner.Run<RecordPathBenchmarks>(config);
            return 0;
        }
    }
}
