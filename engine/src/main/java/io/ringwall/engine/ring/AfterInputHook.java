package io.ringwall.engine.ring;

import io.ringwall.engine.logic.BusinessLogic;

/**
 * Runs on the logic thread after each input the logic handled (checkpoints, process signals of journaled
 * commands). Same rules as the logic: no blocking, no allocation on the common path.
 */
public interface AfterInputHook
{
    AfterInputHook NONE = logic -> { };

    void afterInput(BusinessLogic logic);
}
