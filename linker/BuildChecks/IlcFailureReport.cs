using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Turns a failed ilc run into one build error per problem: the method ilc was compiling (mapped to its source
/// file and line through the assembly's embedded PDB) and why, instead of ilc's 30-line exception trace. The
/// whole output stays in <see cref="LogFile"/>, named in every message.
/// </summary>
public class DuneIlcFailureReport : Task
{
    [Required] public string LogFile { get; set; }
    [Required] public string Assembly { get; set; }
    /// <summary>Where a problem with no source line (e.g. an extern method) is reported.</summary>
    [Required] public string ProjectFile { get; set; }

    private static readonly Regex FailedMethod = new(@"Code generation failed for method '(?<method>[^']+)'");
    private static readonly Regex Cause = new(@"^\s*---> (?<type>[\w.]+): (?<message>.*)$");
    private static readonly Regex MissingType = new(@"^Expected type '(?<name>[^']+)' not found in module '(?<module>[^']+)'");
    private static readonly Regex MissingMethod = new(@"^Expected method '(?<name>[^']+)' not found on type '(?<type>[^']+)'");

    public override bool Execute()
    {
        string[] lines = File.Exists(LogFile) ? File.ReadAllLines(LogFile) : Array.Empty<string>();
        var reported = new HashSet<string>();
        using var source = SourceMap.Open(Assembly);

        // Each failed method: the method, then its innermost cause (the last "---> Type: message" before the next method).
        string method = null, reason = null;
        foreach (string line in lines)
        {
            Match failed = FailedMethod.Match(line);
            if (failed.Success && line.Contains("--->"))
            {
                Flush(method, reason, source, reported);
                method = failed.Groups["method"].Value;
                reason = null;
                continue;
            }
            Match cause = Cause.Match(line);
            if (cause.Success && method != null && !FailedMethod.IsMatch(line)) reason ??= cause.Groups["message"].Value;
        }
        Flush(method, reason, source, reported);

        if (reported.Count == 0)
        {
            // Not a per-method failure: ilc's first line says what went wrong ("Error: ...").
            string first = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "ilc failed without output";
            if (first.StartsWith("Error: ")) first = first.Substring("Error: ".Length);
            Log.LogError(null, "DUNE0001", null, ProjectFile, 0, 0, 0, 0, "{0} ({1}; full ilc output: {2})", Explain(first), first, LogFile);
        }
        return false;
    }

    private void Flush(string method, string reason, SourceMap source, HashSet<string> reported)
    {
        if (method == null) return;
        reason ??= "ilc gave no reason";
        if (!reported.Add(method + "\n" + reason)) return;
        var (file, line, name) = source.Locate(method);
        Log.LogError(null, "DUNE0001", null, file ?? ProjectFile, line, 0, 0, 0, "{0}: {1} ({2}; full ilc output: {3})", name, Explain(reason), reason, LogFile);
    }

    /// <summary>What the user should know, for the failures seen with a custom system module.</summary>
    private static string Explain(string reason)
    {
        if (reason.StartsWith("Main() has parameters"))
            return "Main(string[] args) is not supported by this runtime: declare Main() and read Environment.GetCommandLineArgs()";
        if (reason.Contains("InteropHelpers"))
            return "P/Invoke ([DllImport], [LibraryImport]) is not supported: a Dune executable links no libc and loads no libraries (make system calls through Dune.Platform)";
        Match type = MissingType.Match(reason);
        if (type.Success)
            return $"uses a feature that needs '{type.Groups["name"].Value}', which the Dune runtime ({type.Groups["module"].Value}) does not provide";
        Match method = MissingMethod.Match(reason);
        if (method.Success)
            return $"uses a feature that needs '{method.Groups["type"].Value}.{method.Groups["name"].Value}', which the Dune runtime does not provide";
        return "ilc cannot compile this with the Dune runtime";
    }

    /// <summary>Source locations of methods named the way ilc prints them ("[assembly]Namespace.Type.Method(signature)").</summary>
    private sealed class SourceMap : IDisposable
    {
        private static readonly Regex IlcMethod = new(@"^(\[(?<assembly>[^\]]+)\])?(?<type>.+)\.(?<method>[^.(]+)\((?<signature>[^)]*)\)$");
        private readonly PEReader _pe;
        private readonly MetadataReader _metadata;
        private readonly MetadataReaderProvider _pdbProvider;
        private readonly MetadataReader _pdb;

        private SourceMap(PEReader pe)
        {
            _pe = pe;
            if (pe == null) return;
            _metadata = pe.GetMetadataReader();
            var embedded = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize == 0) return;
            _pdbProvider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            _pdb = _pdbProvider.GetMetadataReader();
        }

        public static SourceMap Open(string path)
        {
            try { return new SourceMap(new PEReader(File.OpenRead(path))); }
            catch (Exception) { return new SourceMap(null); }
        }

        /// <summary>The method's first source line and a readable "Type.Method" name; file null when unknown.</summary>
        public (string File, int Line, string Name) Locate(string ilcName)
        {
            Match m = IlcMethod.Match(ilcName);
            if (!m.Success) return (null, 0, ilcName);
            string type = m.Groups["type"].Value, method = m.Groups["method"].Value;
            string readable = type + "." + method;
            if (_metadata == null) return (null, 0, readable);
            try
            {
                // ilc's startup stub stands for the program's entry point.
                MethodDefinitionHandle handle = type == "<Module>" && method == "StartupCodeMain"
                    ? EntryPoint()
                    : Find(type, method, m.Groups["signature"].Value.Length == 0 ? 0 : m.Groups["signature"].Value.Split(',').Length);
                if (handle.IsNil) return (null, 0, readable);
                readable = Describe(handle);
                if (_pdb == null) return (null, 0, readable);
                var points = _pdb.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints();
                foreach (SequencePoint point in points)
                    if (!point.IsHidden) return (_pdb.GetString(_pdb.GetDocument(point.Document).Name), point.StartLine, readable);
            }
            catch (BadImageFormatException) { }
            return (null, 0, readable);
        }

        private MethodDefinitionHandle EntryPoint()
        {
            int token = _pe.PEHeaders.CorHeader?.EntryPointTokenOrRelativeVirtualAddress ?? 0;
            return token == 0 ? default : MetadataTokens.MethodDefinitionHandle(token & 0xFFFFFF);
        }

        private MethodDefinitionHandle Find(string type, string method, int parameters)
        {
            MethodDefinitionHandle byName = default;
            foreach (TypeDefinitionHandle t in _metadata.TypeDefinitions)
            {
                if (FullName(t) != type) continue;
                foreach (MethodDefinitionHandle h in _metadata.GetTypeDefinition(t).GetMethods())
                {
                    MethodDefinition d = _metadata.GetMethodDefinition(h);
                    if (_metadata.GetString(d.Name) != method) continue;
                    if (d.GetParameters().Count(p => _metadata.GetParameter(p).SequenceNumber > 0) == parameters) return h;
                    if (byName.IsNil) byName = h;
                }
            }
            return byName;
        }

        private string FullName(TypeDefinitionHandle handle)
        {
            TypeDefinition t = _metadata.GetTypeDefinition(handle);
            string name = _metadata.GetString(t.Name);
            TypeDefinitionHandle outer = t.GetDeclaringType();
            if (!outer.IsNil) return FullName(outer) + "+" + name;
            string ns = _metadata.GetString(t.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private string Describe(MethodDefinitionHandle handle)
        {
            MethodDefinition d = _metadata.GetMethodDefinition(handle);
            return FullName(d.GetDeclaringType()).Replace('+', '.') + "." + _metadata.GetString(d.Name);
        }

        public void Dispose()
        {
            _pdbProvider?.Dispose();
            _pe?.Dispose();
        }
    }
}
