package io.jenkins.plugins.gitops.core.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

class IsolatedSystemReaderTest {

    @Test
    void shouldGiveJGitOnlyMemoryConfigsAndHideGitEnvironment() throws Exception {
        IsolatedSystemReader.install();
        IsolatedSystemReader.install();
        SystemReader reader = SystemReader.getInstance();

        for (StoredConfig config :
                new StoredConfig[] {reader.getUserConfig(), reader.getSystemConfig(), reader.getJGitConfig()}) {
            assertThat(config).isInstanceOf(FileBasedConfig.class);
            assertThat(((FileBasedConfig) config).getFile())
                    .as("no file behind it")
                    .isNull();
            config.setString("test", null, "written", "yes");
            config.save();
        }
        assertThat(reader).isInstanceOf(IsolatedSystemReader.class);
        assertThat(reader.getenv("GIT_DIR")).isNull();
        assertThat(reader.getenv("XDG_CONFIG_HOME")).isNull();
    }
}
