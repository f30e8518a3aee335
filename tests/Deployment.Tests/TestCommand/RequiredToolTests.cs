using Deployment.Tests.Support;
using Xunit.Sdk;

namespace Deployment.Tests.TestCommand;

/// <summary>A tool a test needs and cannot find fails that test with the way to get it, never a skip.</summary>
public sealed class RequiredToolTests
{
    [Fact]
    public void A_missing_tool_fails_the_test_and_says_to_run_tests_run_sh()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("no-tools-");
        try
        {
            var failure = Assert.Throws<TrueException>(() => RequiredTool.Find("docker-compose", path: emptyFolder.FullName));

            Assert.Contains("docker-compose is not installed", failure.Message);
            Assert.Contains("bash tests/run.sh", failure.Message);
        }
        finally
        {
            emptyFolder.Delete();
        }
    }

    [Fact]
    public void A_present_tool_is_found_by_its_full_path()
    {
        var bash = RequiredTool.Find("bash");

        Assert.True(Path.IsPathRooted(bash));
        Assert.Equal("bash", Path.GetFileName(bash));
        Assert.True(File.Exists(bash));
    }
}
