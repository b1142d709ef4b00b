package io.papi.cli;

public final class Papi {
    public static void main(String[] args) {
        System.out.println("papi");
    }
}
