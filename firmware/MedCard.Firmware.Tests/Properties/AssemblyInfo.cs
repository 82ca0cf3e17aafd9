using System.Reflection;
using System.Runtime.InteropServices;

// Assembly identity for the nanoFramework build (NFUnitTest.nfproj). The SDK .csproj beside it, where there is
// one, generates its own and leaves this file out.
[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("MedCard firmware tests (nanoFramework.TestFramework)")]
[assembly: AssemblyConfiguration("")]
[assembly: AssemblyCompany("")]
[assembly: AssemblyProduct("MedCard.Device")]
[assembly: AssemblyCopyright("MedCard.Device contributors")]
[assembly: AssemblyTrademark("")]
[assembly: AssemblyCulture("")]
[assembly: ComVisible(false)]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
