using System;
using System.Collections.Generic;
using System.IO;

// Files and directories compared with .NET, inside a fresh folder under the temp path that the program removes
// again. Only names relative to that folder are printed: full paths in messages are shown as <root>.
static class Program
{
    static string s_root;

    static int Main()
    {
        s_root = Path.Combine(Path.GetTempPath(), "dune-io-" + Environment.ProcessId + "-" + Path.GetRandomFileName());
        Directory.CreateDirectory(s_root);
        try
        {
            Directories();
            WholeFiles();
            Streams();
            Errors();
            Paths();
        }
        finally
        {
            Directory.Delete(s_root, true);
        }
        Console.WriteLine("root removed: " + !Directory.Exists(s_root));
        return 0;
    }

    static string At(string name) => Path.Combine(s_root, name);

    static string Hide(string text) => text.Replace(s_root, "<root>");

    static void Show(string name, string value) => Console.WriteLine(name + ": [" + (value == null ? "<null>" : Hide(value)) + "]");

    static void Try(string name, Action action)
    {
        try
        {
            action();
            Console.WriteLine(name + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(name + ": " + e.GetType().Name + ": " + Hide(e.Message));
        }
    }

    static string Names(string[] paths)
    {
        var names = new List<string>();
        foreach (string p in paths) names.Add(Path.GetFileName(p));
        names.Sort(string.CompareOrdinal);
        return string.Join(",", names);
    }

    static void Directories()
    {
        DirectoryInfo info = Directory.CreateDirectory(At("a/b/c"));
        Show("mkdir.info", info.FullName + " " + info.Name + " " + info.Exists);
        Show("mkdir.again", Directory.CreateDirectory(At("a/b")).Name);
        Show("exists", Directory.Exists(At("a")) + " " + Directory.Exists(At("a/b/c")) + " " + Directory.Exists(At("nope")) + " " + Directory.Exists(null) + " " + Directory.Exists(""));
        File.WriteAllText(At("a/one.txt"), "1");
        File.WriteAllText(At("a/two.log"), "2");
        File.WriteAllText(At("a/three.txt"), "3");
        Directory.CreateDirectory(At("a/sub2"));
        Show("files", Names(Directory.GetFiles(At("a"))));
        Show("files.pattern", Names(Directory.GetFiles(At("a"), "*.txt")) + " | " + Names(Directory.GetFiles(At("a"), "t??.*")) + " | " + Names(Directory.GetFiles(At("a"), "o*")));
        Show("dirs", Names(Directory.GetDirectories(At("a"))));
        Show("enumerate", string.Join(",", new List<string>(Directory.EnumerateFiles(At("a"), "*.log")).ConvertAll(Path.GetFileName)));
        Try("rmdir.nonempty", () => Directory.Delete(At("a")));
        Try("rmdir.missing", () => Directory.Delete(At("missing")));
        Try("rmdir.file", () => Directory.Delete(At("a/one.txt")));
        Try("rmdir.recursive", () => Directory.Delete(At("a"), true));
        Show("after.rmdir", Directory.Exists(At("a")).ToString());
        Try("mkdir.over.file", () => { File.WriteAllText(At("f"), ""); Directory.CreateDirectory(At("f")); });
        Try("mkdir.under.file", () => Directory.CreateDirectory(At("f/x")));
        string cwd = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(s_root);
        File.WriteAllText("relative.txt", "rel");
        Show("cwd", Directory.GetCurrentDirectory() + " " + Environment.CurrentDirectory + " " + File.ReadAllText(At("relative.txt")) + " " + Path.GetFullPath("x/../y"));
        Directory.SetCurrentDirectory(cwd);
        Show("cwd.restored", (Directory.GetCurrentDirectory() == cwd).ToString());
    }

    static void WholeFiles()
    {
        string text = "héllo\nwörld 😀\r\nthird\rfourth\n";
        File.WriteAllText(At("t.txt"), text);
        Show("readalltext", File.ReadAllText(At("t.txt")).Replace("\r", "\\r").Replace("\n", "\\n"));
        byte[] bytes = File.ReadAllBytes(At("t.txt"));
        Show("readallbytes", bytes.Length + " " + string.Join("-", Array.ConvertAll(bytes, b => b.ToString("X2")), 0, 8));
        Show("readalllines", string.Join("|", File.ReadAllLines(At("t.txt"))) + " " + File.ReadAllLines(At("t.txt")).Length);
        Show("readlines", string.Join("|", File.ReadLines(At("t.txt"))));
        File.WriteAllBytes(At("bom.txt"), new byte[] { 0xEF, 0xBB, 0xBF, (byte)'h', (byte)'i', 0xC3, 0xA9, 0xFF, (byte)'!' });
        string bom = File.ReadAllText(At("bom.txt"));
        Show("bom", bom.Length + " " + (int)bom[0] + " " + (int)bom[bom.Length - 2]);
        File.WriteAllText(At("empty.txt"), "");
        Show("empty", File.ReadAllText(At("empty.txt")).Length + " " + File.ReadAllBytes(At("empty.txt")).Length + " " + File.ReadAllLines(At("empty.txt")).Length);
        File.WriteAllLines(At("lines.txt"), new[] { "one", "", "three" });
        File.AppendAllText(At("lines.txt"), "four");
        File.AppendAllLines(At("lines.txt"), new List<string> { "+five", "six" });
        Show("lines", File.ReadAllText(At("lines.txt")).Replace("\n", "\\n"));
        File.AppendAllText(At("new.txt"), "created by append");
        Show("append.creates", File.ReadAllText(At("new.txt")));
        File.WriteAllText(At("lines.txt"), "overwritten");
        Show("overwrite", File.ReadAllText(At("lines.txt")));
        byte[] big = new byte[300000];
        for (int i = 0; i < big.Length; i++) big[i] = (byte)(i * 7);
        File.WriteAllBytes(At("big.bin"), big);
        byte[] back = File.ReadAllBytes(At("big.bin"));
        int same = 0;
        for (int i = 0; i < back.Length; i++) if (back[i] == big[i]) same++;
        Show("big", back.Length + " " + same);
        var longText = new System.Text.StringBuilder();
        for (int i = 0; i < 5000; i++) longText.Append("line ").Append(i).Append(" ü\n");
        File.WriteAllText(At("long.txt"), longText.ToString());
        string[] longLines = File.ReadAllLines(At("long.txt"));
        Show("long", longLines.Length + " " + longLines[4999] + " " + (File.ReadAllText(At("long.txt")) == longText.ToString()));
        Show("exists", File.Exists(At("t.txt")) + " " + File.Exists(At("nope")) + " " + File.Exists(s_root) + " " + File.Exists(null) + " " + File.Exists(""));
        File.Copy(At("t.txt"), At("copy.txt"));
        Try("copy.exists", () => File.Copy(At("t.txt"), At("copy.txt")));
        File.Copy(At("empty.txt"), At("copy.txt"), true);
        Show("copy.overwrite", File.ReadAllBytes(At("copy.txt")).Length.ToString());
        File.Move(At("copy.txt"), At("moved.txt"));
        Show("move", File.Exists(At("copy.txt")) + " " + File.Exists(At("moved.txt")));
        Try("move.exists", () => File.Move(At("t.txt"), At("moved.txt")));
        File.Move(At("t.txt"), At("moved.txt"), true);
        Show("move.overwrite", File.Exists(At("t.txt")) + " " + File.ReadAllBytes(At("moved.txt")).Length);
        File.Delete(At("moved.txt"));
        File.Delete(At("moved.txt"));
        Show("delete", File.Exists(At("moved.txt")).ToString());
    }

    static void Streams()
    {
        using (var fs = new FileStream(At("s.bin"), FileMode.Create))
        {
            fs.Write(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 0, 8);
            fs.WriteByte(9);
            Show("fs.write", fs.Position + " " + fs.Length + " " + fs.CanRead + fs.CanWrite + fs.CanSeek);
            fs.Seek(2, SeekOrigin.Begin);
            byte[] buf = new byte[4];
            int n = fs.Read(buf, 0, 4);
            Show("fs.read", n + " " + string.Join(",", buf) + " " + fs.Position);
            fs.Position = 7;
            Show("fs.readbyte", fs.ReadByte() + " " + fs.ReadByte() + " " + fs.ReadByte() + " " + fs.Position);
            Show("fs.seek", fs.Seek(-3, SeekOrigin.End) + " " + fs.Seek(1, SeekOrigin.Current) + " " + fs.Seek(20, SeekOrigin.Begin) + " " + fs.Length);
            fs.WriteByte(42);
            Show("fs.sparse", fs.Length + " " + fs.Position);
            fs.SetLength(4);
            Show("fs.setlength", fs.Length + " " + fs.Position);
            fs.Flush();
        }
        Show("fs.after", string.Join(",", File.ReadAllBytes(At("s.bin"))));
        using (var fs = new FileStream(At("s.bin"), FileMode.Append))
        {
            fs.WriteByte(100);
            Show("fs.append", fs.Position + " " + fs.CanRead);
            Try("fs.append.seekback", () => fs.Seek(0, SeekOrigin.Begin));
        }
        using (var fs = File.OpenRead(At("s.bin")))
        {
            Try("fs.readonly.write", () => fs.WriteByte(1));
            byte[] all = new byte[10];
            Show("fs.openread", fs.Read(all, 0, 10) + " " + fs.Read(all, 0, 10));
        }
        using (var fs = new FileStream(At("s.bin"), FileMode.Truncate, FileAccess.Write)) Show("fs.truncate", fs.Length.ToString());
        using (var fs = new FileStream(At("fresh.bin"), FileMode.OpenOrCreate)) Show("fs.openorcreate", fs.Length.ToString());
        Try("fs.createnew.exists", () => new FileStream(At("fresh.bin"), FileMode.CreateNew).Dispose());
        var closed = new FileStream(At("fresh.bin"), FileMode.Open);
        closed.Dispose();
        Try("fs.closed.length", () => { long l = closed.Length; });

        using (var writer = new StreamWriter(At("sw.txt")))
        {
            writer.Write("abc");
            writer.Write('\uD83D');
            writer.Write('\uDE00');
            writer.WriteLine(123);
            writer.WriteLine("x{0}y", 5);
            writer.Write(true);
            writer.NewLine = "\r\n";
            writer.WriteLine();
            writer.WriteLine("last");
        }
        Show("streamwriter", string.Join(",", Array.ConvertAll(File.ReadAllBytes(At("sw.txt")), b => b.ToString("X2"))));
        using (var writer = new StreamWriter(At("sw.txt"), append: true)) writer.Write("more");
        using (var reader = new StreamReader(At("sw.txt")))
        {
            Show("streamreader", reader.Peek() + " " + (char)reader.Read() + " [" + reader.ReadLine() + "] [" + reader.ReadLine() + "] " + reader.EndOfStream);
            Show("streamreader.rest", reader.ReadToEnd().Replace("\r", "\\r").Replace("\n", "\\n") + " " + reader.EndOfStream + " " + reader.Read() + " " + (reader.ReadLine() == null));
        }
        var sr = new StreamReader(At("sw.txt"));
        sr.Dispose();
        Try("streamreader.closed", () => sr.ReadLine());
        var swClosed = new StreamWriter(At("sw2.txt"));
        swClosed.Dispose();
        Try("streamwriter.closed", () => swClosed.Write("x"));
        using (var fs = File.Create(At("pair.bin")))
        {
            var w = new StreamWriter(fs);
            w.Write(new string('é', 3000));
            w.Flush();
            Show("streamwriter.flush", fs.Length.ToString());
        }
        using (var reader = File.OpenText(At("pair.bin"))) Show("opentext", reader.ReadToEnd().Length.ToString());
        using (var w = File.CreateText(At("ct.txt"))) w.Write("created");
        using (var w = File.AppendText(At("ct.txt"))) w.Write("+appended");
        Show("createtext", File.ReadAllText(At("ct.txt")));
    }

    static void Errors()
    {
        Try("read.missing", () => File.ReadAllText(At("nope.txt")));
        Try("read.missing.dir", () => File.ReadAllBytes(At("nodir/nope.txt")));
        Try("read.dir", () => File.ReadAllText(s_root));
        Try("write.dir", () => File.WriteAllText(s_root, "x"));
        Try("write.missing.dir", () => File.WriteAllText(At("nodir/a.txt"), "x"));
        Try("delete.missing", () => File.Delete(At("nope.txt")));
        Try("delete.missing.dir", () => File.Delete(At("nodir/nope.txt")));
        Try("copy.missing", () => File.Copy(At("nope"), At("x")));
        Try("move.missing", () => File.Move(At("nope"), At("x")));
        Try("open.missing", () => new FileStream(At("nope"), FileMode.Open));
        Try("open.truncate.read", () => new FileStream(At("x"), FileMode.Truncate, FileAccess.Read));
        Try("open.append.readwrite", () => new FileStream(At("x"), FileMode.Append, FileAccess.ReadWrite));
        Try("read.empty.path", () => File.ReadAllText(""));
        Try("read.null.path", () => File.ReadAllText(null));
        Try("exists.nul", () => Console.WriteLine(File.Exists("a\0b")));
    }

    static void Paths()
    {
        string[] paths = { "", "a", "/", "/a", "a/b", "a//b", "/a/b/", "a/b.txt", "a.b/c", ".bashrc", "a/b.", "//x", "a/./b/../c", "/a/../..", "x/..", "dir/file.tar.gz" };
        foreach (string p in paths)
        {
            Show("path [" + p + "]", (Path.GetDirectoryName(p) ?? "null") + " | " + Path.GetFileName(p) + " | " + Path.GetExtension(p) + " | " + Path.GetFileNameWithoutExtension(p) +
                " | " + Path.GetPathRoot(p) + " | " + Path.IsPathRooted(p) + " | " + Path.HasExtension(p) + " | " + Path.EndsInDirectorySeparator(p) + " | " + (p.Length == 0 ? "-" : Path.GetFullPath(p, "/base/dir")));
        }
        Show("path.nulls", (Path.GetFileName(null) == null) + " " + (Path.GetExtension(null) == null) + " " + (Path.GetDirectoryName(null) == null) + " " + (Path.ChangeExtension(null, ".x") == null));
        Show("combine", Path.Combine("a", "b") + " " + Path.Combine("a/", "b") + " " + Path.Combine("a", "/b") + " " + Path.Combine("", "b") + " " + Path.Combine("a", "") + " " + Path.Combine("a", "b", "c") + " " + Path.Combine("a", "b", "/c", "d") + " " + Path.Combine(new[] { "x", "y", "z" }));
        Show("join", Path.Join("a", "/b") + " " + Path.Join("a/", "b") + " " + Path.Join("", "b") + " " + Path.Join("a", "b", "c") + " " + Path.Join(null, "z"));
        Show("changeextension", Path.ChangeExtension("a/b.txt", ".md") + " " + Path.ChangeExtension("a/b.txt", null) + " " + Path.ChangeExtension("a/b", "md") + " " + Path.ChangeExtension("a.d/b", ".x") + " " + Path.ChangeExtension("b.", "") + "|");
        Show("separators", Path.DirectorySeparatorChar + " " + Path.AltDirectorySeparatorChar + " " + Path.PathSeparator + " " + Path.GetInvalidFileNameChars().Length + " " + Path.GetInvalidPathChars().Length);
        Show("temp", (Path.GetTempPath().Length > 0 && Path.GetTempPath().EndsWith("/")) + " " + Path.GetRandomFileName().Length + " " + Path.GetRandomFileName().IndexOf('.'));
        Try("combine.null", () => Path.Combine(null, "a"));
        Try("fullpath.empty", () => Path.GetFullPath(""));
        Try("fullpath.relative.base", () => Path.GetFullPath("a", "rel"));
    }
}
