package io.papi.cli.command;

import io.papi.cli.Environment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base of every papi command: access to the environment and to the command line's writers. */
public abstract class PapiSubcommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    protected Environment environment() {
        return ((PapiCommand) spec.root().userObject()).environment();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected void warn(String line) {
        err().println("papi: " + line);
        err().flush();
    }

    @Override
    public final Integer call() throws Exception {
        int code = run();
        out().flush();
        err().flush();
        return code;
    }

    protected abstract int run() throws Exception;
}
