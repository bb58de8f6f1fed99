package io.blisnative.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated workloads against BLIS: each expected block was printed by a Go harness running
 * BLIS f90a1e3's own {@code ExpandInferencePerfSpec}, {@code GenerateWorkload} and
 * {@code SessionManager.OnComplete} on the same spec (see {@link WorkloadDigest} for the format).
 */
class InferencePerfWorkloadTest {

    @Test
    void generate_singleStageRequests_normalizedExponentialPerClient() {
        // given one stage of single requests (2 req/s for 5 s, 2 prompts × 2 users)
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(2, 5)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, false));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 0).generate());
        // then it matches BLIS: each client spreads its share over the stage; truncated gaps end just before 5 s
        assertEquals("""
                request_0 t=106453 dl=0 sess= round=0 in{len=8 first=113163,118499 last=127928 sum=713128} out{len=2 first=110644,109893 last=109893 sum=220537}
                request_1 t=230778 dl=0 sess= round=0 in{len=8 first=113163,118499 last=66050 sum=801166} out{len=2 first=123410,103982 last=103982 sum=227392}
                request_2 t=1831048 dl=0 sess= round=0 in{len=8 first=113163,118499 last=116036 sum=731352} out{len=2 first=124041,30367 last=30367 sum=154408}
                request_3 t=2178074 dl=0 sess= round=0 in{len=8 first=75351,84478 last=101614 sum=600483} out{len=2 first=59934,91424 last=91424 sum=151358}
                request_4 t=2837192 dl=0 sess= round=0 in{len=8 first=75351,84478 last=116443 sum=505399} out{len=2 first=74483,26545 last=26545 sum=101028}
                request_5 t=3120036 dl=0 sess= round=0 in{len=8 first=113163,118499 last=50998 sum=716284} out{len=2 first=5628,45826 last=45826 sum=51454}
                request_6 t=4999998 dl=0 sess= round=0 in{len=8 first=113163,118499 last=18813 sum=632439} out{len=2 first=89670,76267 last=76267 sum=165937}
                request_7 t=4999999 dl=0 sess= round=0 in{len=8 first=113163,118499 last=94325 sum=796761} out{len=2 first=86010,126473 last=126473 sum=212483}
                request_8 t=4999999 dl=0 sess= round=0 in{len=8 first=75351,84478 last=42848 sum=506553} out{len=2 first=30338,3393 last=3393 sum=33731}
                request_9 t=4999999 dl=0 sess= round=0 in{len=8 first=75351,84478 last=27582 sum=552284} out{len=2 first=103393,48470 last=48470 sum=151863}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_cap_keepsTheEarliestRequests() {
        // given the same workload capped at 4 requests
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(2, 5)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, false));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 4).generate());
        // then it matches BLIS: the 4 earliest of the merged clients remain
        assertEquals("""
                request_0 t=106453 dl=0 sess= round=0 in{len=8 first=113163,118499 last=127928 sum=713128} out{len=2 first=110644,109893 last=109893 sum=220537}
                request_1 t=230778 dl=0 sess= round=0 in{len=8 first=113163,118499 last=66050 sum=801166} out{len=2 first=123410,103982 last=103982 sum=227392}
                request_2 t=1831048 dl=0 sess= round=0 in{len=8 first=113163,118499 last=116036 sum=731352} out{len=2 first=124041,30367 last=30367 sum=154408}
                request_3 t=2178074 dl=0 sess= round=0 in{len=8 first=75351,84478 last=101614 sum=600483} out{len=2 first=59934,91424 last=91424 sum=151358}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_multiStageRequests_poissonPerClientInItsWindow() {
        // given two stages of single requests (1 req/s for 4 s, then 3 req/s for 2 s)
        InferencePerfSpec spec = new InferencePerfSpec(
                List.of(new InferencePerfSpec.Stage(1, 4), new InferencePerfSpec.Stage(3, 2)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, false));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 7, Long.MAX_VALUE, 0).generate());
        // then it matches BLIS: stage-0 clients send only in [0, 4 s), stage-1 clients only in [4 s, 6 s)
        assertEquals("""
                request_0 t=1230128 dl=0 sess= round=0 in{len=8 first=33157,89481 last=58406 sum=594781} out{len=2 first=8869,67939 last=67939 sum=76808}
                request_1 t=1352079 dl=0 sess= round=0 in{len=8 first=6926,16498 last=108745 sum=429610} out{len=2 first=8214,76099 last=76099 sum=84313}
                request_2 t=1799545 dl=0 sess= round=0 in{len=8 first=33157,89481 last=116339 sum=688369} out{len=2 first=83753,12656 last=12656 sum=96409}
                request_3 t=4080470 dl=0 sess= round=0 in{len=8 first=33157,89481 last=79535 sum=783254} out{len=2 first=33881,115464 last=115464 sum=149345}
                request_4 t=4204579 dl=0 sess= round=0 in{len=8 first=6926,16498 last=66739 sum=313783} out{len=2 first=111497,88196 last=88196 sum=199693}
                request_5 t=4626787 dl=0 sess= round=0 in{len=8 first=6926,16498 last=88271 sum=308663} out{len=2 first=39732,7130 last=7130 sum=46862}
                request_6 t=5512558 dl=0 sess= round=0 in{len=8 first=33157,89481 last=69665 sum=641794} out{len=2 first=38157,53197 last=53197 sum=91354}
                request_7 t=5864070 dl=0 sess= round=0 in{len=8 first=33157,89481 last=7376 sum=628148} out{len=2 first=92724,122248 last=122248 sum=214972}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_singleStageSessions_roundZeroBaseAndFollowUpsOnCompletion() {
        // given one stage of chat sessions (1 req/s for 10 s: rounds 3, 3, 2, 2; think time 4 s)
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 0).generate());
        // then it matches BLIS: only round 0 is a base request; each completion brings the next round
        // 4 s later until the session's rounds are used up
        assertEquals("""
                request_0 t=197646 dl=300197646 sess=sess_6284708355399585786 round=0 in{len=8 first=113163,118499 last=123410 sum=819885} out{len=2 first=103982,34850 last=34850 sum=138832}
                request_1 t=467184 dl=300467184 sess=sess_7318313747137274353 round=0 in{len=8 first=75351,84478 last=59934 sum=540717} out{len=2 first=91424,529 last=529 sum=91953}
                request_2 t=2779472 dl=302779472 sess=sess_8835703117151289130 round=0 in{len=8 first=113163,118499 last=110644 sum=817329} out{len=2 first=109893,38065 last=38065 sum=147958}
                request_3 t=3215526 dl=303215526 sess=sess_406448601613296203 round=0 in{len=8 first=75351,84478 last=74483 sum=538193} out{len=2 first=26545,82652 last=82652 sum=109197}
                  follow session_sess_6284708355399585786_round_1_1 t=4198646 dl=304198646 round=1 in{len=8 first=113163,118499 last=40584 sum=648862} out{len=2 first=99336,19967 last=19967 sum=119303}
                  follow session_sess_7318313747137274353_round_1_2 t=4468184 dl=304468184 round=1 in{len=8 first=75351,84478 last=67574 sum=497520} out{len=2 first=14156,112223 last=112223 sum=126379}
                  follow session_sess_8835703117151289130_round_1_3 t=6780472 dl=306780472 round=1 in{len=8 first=113163,118499 last=8474 sum=706103} out{len=2 first=56019,75346 last=75346 sum=131365}
                  follow session_sess_406448601613296203_round_1_4 t=7216526 dl=307216526 round=1 in{len=8 first=75351,84478 last=112150 sum=648568} out{len=2 first=116254,42651 last=42651 sum=158905}
                  follow session_sess_6284708355399585786_round_2_5 t=8199646 dl=308199646 round=2 in{len=8 first=113163,118499 last=15704 sum=673893} out{len=2 first=89158,70654 last=70654 sum=159812}
                  follow session_sess_8835703117151289130_round_2_6 t=10781472 dl=310781472 round=2 in{len=8 first=113163,118499 last=26640 sum=720817} out{len=2 first=7124,42889 last=42889 sum=50013}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_multiStageSessions_sessionsStartInTheirStageWindow() {
        // given two stages of chat sessions
        InferencePerfSpec spec = new InferencePerfSpec(
                List.of(new InferencePerfSpec.Stage(1, 6), new InferencePerfSpec.Stage(2, 3)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 3, Long.MAX_VALUE, 0).generate());
        // then it matches BLIS: a session whose start falls outside its stage is dropped; follow-ups ignore the window
        assertEquals("""
                request_0 t=2487469 dl=302487469 sess=sess_6051651618663582073 round=0 in{len=8 first=19650,12054 last=25044 sum=486474} out{len=2 first=114400,69714 last=69714 sum=184114}
                request_1 t=3575346 dl=303575346 sess=sess_9034995803248929380 round=0 in{len=8 first=46783,109487 last=109198 sum=624799} out{len=2 first=51235,98522 last=98522 sum=149757}
                request_2 t=4464554 dl=304464554 sess=sess_1566783354691705394 round=0 in{len=8 first=19650,12054 last=120469 sum=612114} out{len=2 first=97604,86434 last=86434 sum=184038}
                request_3 t=6896516 dl=306896516 sess=sess_7918278808486150664 round=0 in{len=8 first=46783,109487 last=30516 sum=539148} out{len=2 first=122820,74222 last=74222 sum=197042}
                request_4 t=7081719 dl=307081719 sess=sess_8713640102428707284 round=0 in{len=8 first=19650,12054 last=102355 sum=504552} out{len=2 first=86889,109258 last=109258 sum=196147}
                request_5 t=7102654 dl=307102654 sess=sess_4691981735666658964 round=0 in{len=8 first=19650,12054 last=87581 sum=476356} out{len=2 first=70274,118389 last=118389 sum=188663}
                request_6 t=8973830 dl=308973830 sess=sess_6128965843060620200 round=0 in{len=8 first=46783,109487 last=80589 sum=657868} out{len=2 first=1606,57236 last=57236 sum=58842}
                  follow session_sess_9034995803248929380_round_1_1 t=7576346 dl=307576346 round=1 in{len=8 first=46783,109487 last=7402 sum=605089} out{len=2 first=87224,18382 last=18382 sum=105606}
                  follow session_sess_7918278808486150664_round_1_2 t=8897516 dl=308897516 round=1 in{len=8 first=46783,109487 last=127113 sum=780103} out{len=2 first=62819,16253 last=16253 sum=79072}
                  follow session_sess_6128965843060620200_round_1_3 t=10974830 dl=310974830 round=1 in{len=8 first=46783,109487 last=69962 sum=691590} out{len=2 first=126323,57502 last=57502 sum=183825}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_sessionsCapped_laterRoundsCountTowardsTheCap() {
        // given chat sessions capped at 3 requests
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 3).generate());
        // then it matches BLIS: the cap cuts the merged list of all rounds, so only 3 sessions start
        assertEquals("""
                request_0 t=197646 dl=300197646 sess=sess_6284708355399585786 round=0 in{len=8 first=113163,118499 last=123410 sum=819885} out{len=2 first=103982,34850 last=34850 sum=138832}
                request_1 t=467184 dl=300467184 sess=sess_7318313747137274353 round=0 in{len=8 first=75351,84478 last=59934 sum=540717} out{len=2 first=91424,529 last=529 sum=91953}
                request_2 t=2779472 dl=302779472 sess=sess_8835703117151289130 round=0 in{len=8 first=113163,118499 last=110644 sum=817329} out{len=2 first=109893,38065 last=38065 sum=147958}
                  follow session_sess_6284708355399585786_round_1_1 t=4198646 dl=304198646 round=1 in{len=8 first=113163,118499 last=40584 sum=648862} out{len=2 first=99336,19967 last=19967 sum=119303}
                  follow session_sess_7318313747137274353_round_1_2 t=4468184 dl=304468184 round=1 in{len=8 first=75351,84478 last=67574 sum=497520} out{len=2 first=14156,112223 last=112223 sum=126379}
                  follow session_sess_8835703117151289130_round_1_3 t=6780472 dl=306780472 round=1 in{len=8 first=113163,118499 last=8474 sum=706103} out{len=2 first=56019,75346 last=75346 sum=131365}
                  follow session_sess_6284708355399585786_round_2_4 t=8199646 dl=308199646 round=2 in{len=8 first=113163,118499 last=15704 sum=673893} out{len=2 first=89158,70654 last=70654 sum=159812}
                  follow session_sess_8835703117151289130_round_2_5 t=10781472 dl=310781472 round=2 in{len=8 first=113163,118499 last=26640 sum=720817} out{len=2 first=7124,42889 last=42889 sum=50013}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_noSystemPrompt_roundZeroGetsDefaultPrefixFollowUpsNone() {
        // given sessions with system_prompt_len 0 and question_len 0
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 8)),
                new InferencePerfSpec.SharedPrefix(2, 2, 0, 0, 2, true));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 5, Long.MAX_VALUE, 0).generate());
        // then it matches BLIS: round 0 carries BLIS's 50-token default prefix and a 1-token question;
        // follow-ups carry the question only
        assertEquals("""
                request_0 t=904254 dl=300904254 sess=sess_5436859375323294813 round=0 in{len=51 first=90905,8479 last=123126 sum=3215844} out{len=2 first=11315,54887 last=54887 sum=66202}
                request_1 t=3668118 dl=303668118 sess=sess_6139194278805114150 round=0 in{len=51 first=54272,126084 last=115203 sum=2965070} out{len=2 first=95397,98415 last=98415 sum=193812}
                request_2 t=5088936 dl=305088936 sess=sess_5800834147238134535 round=0 in{len=51 first=90905,8479 last=19972 sum=3112690} out{len=2 first=59657,37371 last=37371 sum=97028}
                request_3 t=27239084 dl=327239084 sess=sess_8048992409962961393 round=0 in{len=51 first=54272,126084 last=19164 sum=2869031} out{len=2 first=15803,67130 last=67130 sum=82933}
                  follow session_sess_5436859375323294813_round_1_1 t=4905254 dl=304905254 round=1 in{len=1 first=15251,15251 last=15251 sum=15251} out{len=2 first=34905,40180 last=40180 sum=75085}
                  follow session_sess_6139194278805114150_round_1_2 t=7669118 dl=307669118 round=1 in{len=1 first=40760,40760 last=40760 sum=40760} out{len=2 first=31767,47153 last=47153 sum=78920}
                  follow session_sess_5800834147238134535_round_1_3 t=9089936 dl=309089936 round=1 in{len=1 first=59547,59547 last=59547 sum=59547} out{len=2 first=70356,17592 last=17592 sum=87948}
                  follow session_sess_8048992409962961393_round_1_4 t=31240084 dl=331240084 round=1 in{len=1 first=102674,102674 last=102674 sum=102674} out{len=2 first=94475,106064 last=106064 sum=200539}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void generate_horizon_noFollowUpAfterIt() {
        // given chat sessions with a 9 s horizon
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(1, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        // when it is generated
        List<String> lines = WorkloadDigest.render(new InferencePerfWorkload(spec, 42, 9_000_000, 0).generate());
        // then it matches BLIS: a follow-up that would arrive after the horizon is not sent
        assertEquals("""
                request_0 t=197646 dl=300197646 sess=sess_6284708355399585786 round=0 in{len=8 first=113163,118499 last=123410 sum=819885} out{len=2 first=103982,34850 last=34850 sum=138832}
                request_1 t=467184 dl=300467184 sess=sess_7318313747137274353 round=0 in{len=8 first=75351,84478 last=59934 sum=540717} out{len=2 first=91424,529 last=529 sum=91953}
                request_2 t=2779472 dl=302779472 sess=sess_8835703117151289130 round=0 in{len=8 first=113163,118499 last=110644 sum=817329} out{len=2 first=109893,38065 last=38065 sum=147958}
                request_3 t=3215526 dl=303215526 sess=sess_406448601613296203 round=0 in{len=8 first=75351,84478 last=74483 sum=538193} out{len=2 first=26545,82652 last=82652 sum=109197}
                  follow session_sess_6284708355399585786_round_1_1 t=4198646 dl=304198646 round=1 in{len=8 first=113163,118499 last=40584 sum=648862} out{len=2 first=99336,19967 last=19967 sum=119303}
                  follow session_sess_7318313747137274353_round_1_2 t=4468184 dl=304468184 round=1 in{len=8 first=75351,84478 last=67574 sum=497520} out{len=2 first=14156,112223 last=112223 sum=126379}
                  follow session_sess_8835703117151289130_round_1_3 t=6780472 dl=306780472 round=1 in{len=8 first=113163,118499 last=8474 sum=706103} out{len=2 first=56019,75346 last=75346 sum=131365}
                  follow session_sess_406448601613296203_round_1_4 t=7216526 dl=307216526 round=1 in{len=8 first=75351,84478 last=112150 sum=648568} out{len=2 first=116254,42651 last=42651 sum=158905}
                  follow session_sess_6284708355399585786_round_2_5 t=8199646 dl=308199646 round=2 in{len=8 first=113163,118499 last=15704 sum=673893} out{len=2 first=89158,70654 last=70654 sum=159812}
                """, String.join("\n", lines) + "\n");
    }

    @Test
    void constructor_fewerRequestsThanSessions_rejected() {
        // given 2 requests over 4 sessions (BLIS: max_rounds must be >= 1)
        InferencePerfSpec spec = new InferencePerfSpec(List.of(new InferencePerfSpec.Stage(0.2, 10)),
                new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, true));
        // when / then
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InferencePerfWorkload(spec, 42, Long.MAX_VALUE, 0));
        assertTrue(e.getMessage().contains("max_rounds"), e.getMessage());
    }

    @Test
    void generate_twice_identical() {
        // given a workload
        InferencePerfWorkload w = new InferencePerfWorkload(new InferencePerfSpec(
                List.of(new InferencePerfSpec.Stage(2, 5)), new InferencePerfSpec.SharedPrefix(2, 2, 5, 3, 2, false)),
                42, Long.MAX_VALUE, 0);
        // when generated twice / then both runs are the same
        assertEquals(WorkloadDigest.render(w.generate()), WorkloadDigest.render(w.generate()));
    }
}
